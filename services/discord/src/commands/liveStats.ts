import type { Locale } from "@luma-pulse/chat";
import { type REST, Routes } from "discord.js";
import type { Log } from "../DiscordBotDeps.ts";
import { discordErrorOutcome } from "../delivery/discordErrorOutcome.ts";
import { channelMessageBody } from "../render/channelMessageBody.ts";
import type { RenderedView } from "../render/renderView.ts";

/** A stats message kept up to date (one per channel). */
export type LiveStatsEntry = {
  guildId: string;
  channelId: string;
  messageId: string;
  intervalMinutes: number;
  locale: Locale;
  nextEditAt: Date;
};

/** The `/stats live` messages and their refreshing. */
export type LiveStats = {
  /** Keeps `entry`'s message up to date, replacing the channel's previous one. */
  set(entry: Omit<LiveStatsEntry, "nextEditAt">): void;
  entries(): LiveStatsEntry[];
  /** Edits every message due at `now`; a deleted message or channel, or lost access, is dropped. */
  refreshDue(now?: Date): Promise<void>;
  /** Checks for due messages every `everyMs` until `stop()`. */
  start(everyMs?: number): void;
  stop(): Promise<void>;
};

/**
 * Live stats messages, held in this process's memory: a restart forgets them until the
 * `LiveStatsMessage` table exists (see the service's report). `render` makes the current stats
 * in a language, or undefined when the gateway could not answer (the message is left as it is).
 */
export function createLiveStats(opts: {
  rest: REST;
  render: (locale: Locale) => Promise<RenderedView | undefined>;
  log: Log;
}): LiveStats {
  const byChannel = new Map<string, LiveStatsEntry>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function refresh(entry: LiveStatsEntry, now: Date) {
    const rendered = await opts.render(entry.locale);
    entry.nextEditAt = new Date(now.getTime() + entry.intervalMinutes * 60_000);
    if (!rendered) return;
    try {
      await opts.rest.patch(
        Routes.channelMessage(entry.channelId, entry.messageId),
        channelMessageBody(rendered),
      );
    } catch (error) {
      const outcome = discordErrorOutcome(error);
      // Unknown Message: a moderator deleted it, which stops it as surely as a deleted channel.
      const deleted = outcome.kind === "failed" && /\b10008\b/.test(outcome.error);
      if (outcome.kind === "gone" || deleted) {
        byChannel.delete(entry.channelId);
        opts.log("live stats stopped", { channelId: entry.channelId, reason: outcome });
      } else {
        opts.log("live stats edit failed", { channelId: entry.channelId, outcome });
      }
    }
  }

  const refreshDue = async (now = new Date()) => {
    for (const entry of [...byChannel.values()]) {
      if (entry.nextEditAt <= now) await refresh(entry, now);
    }
  };

  return {
    set(entry) {
      byChannel.set(entry.channelId, {
        ...entry,
        nextEditAt: new Date(Date.now() + entry.intervalMinutes * 60_000),
      });
    },
    entries: () => [...byChannel.values()],
    refreshDue,
    start(everyMs = 30_000) {
      timer = setInterval(() => {
        running = running
          .then(() => refreshDue())
          .catch((error: unknown) => {
            opts.log("live stats refresh failed", { error: String(error) });
          });
      }, everyMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
