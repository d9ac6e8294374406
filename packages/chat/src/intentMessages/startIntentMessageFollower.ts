import { setTimeout as sleep } from "node:timers/promises";
import type { ChatPlatform, PrismaClient } from "@luma-pulse/db";
import type { GatewayClient } from "../gateway/createGatewayClient.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import { followIntentMessagesOnce } from "./followIntentMessagesOnce.ts";
import type { MessageEditor } from "./MessageEditor.ts";

export type { MessageEditor } from "./MessageEditor.ts";

const DEFAULT_POLL_MS = 1_500;

export type IntentMessageFollowerOptions = {
  prisma: PrismaClient;
  gateway: GatewayClient;
  /** Whose messages this bot edits. */
  platform: ChatPlatform;
  edit: MessageEditor;
  /** Default 1,500 ms. */
  pollMs?: number;
  /** Transaction links in the edited views. */
  explorer?: ExplorerLinks;
  log?: (message: string, extra?: object) => void;
};

/**
 * Edits the platform's intent messages (`trackIntentMessage`) when their intent is confirmed, fails,
 * is dropped or expires, polling the gateway every `pollMs`. The rows are the state: a restarted
 * follower (or a second one on the same database) edits nothing twice. `stop()` resolves once the
 * edit in flight, if any, is done.
 */
export function startIntentMessageFollower(options: IntentMessageFollowerOptions): {
  stop(): Promise<void>;
} {
  const { pollMs = DEFAULT_POLL_MS, log = () => {} } = options;
  const stopping = new AbortController();
  const { signal } = stopping;
  const running = (async () => {
    while (!signal.aborted) {
      try {
        await followIntentMessagesOnce({ ...options, log, signal });
      } catch (error) {
        // The gateway or the database out of reach: the rows still say what to do next time.
        if (!signal.aborted) log("intent messages: poll failed", { error: String(error) });
      }
      await sleep(pollMs, undefined, { signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
