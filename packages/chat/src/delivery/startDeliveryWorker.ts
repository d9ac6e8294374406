import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { hostname } from "node:os";
import type { PrismaClient } from "@luma-pulse/db";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { createChatMetrics } from "../metrics/createChatMetrics.ts";
import { watchAlertQueue } from "../metrics/watchAlertQueue.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import type { AlertSender } from "./AlertSender.ts";
import { claimDeliveries } from "./claimDeliveries.ts";
import { createRateGate, defaultRateLimitPrefix, type RateGate } from "./createRateGate.ts";
import { deliveryUpdates } from "./deliveryUpdates.ts";
import { groupDeliveries, type OutboxMessage } from "./groupDeliveries.ts";
import type { RateLimitPolicy } from "./RateLimitPolicy.ts";
import { type ChatAtSendTime, sendOutboxMessage } from "./sendOutboxMessage.ts";
import { sleep } from "./sleep.ts";

export type DeliveryWorkerOptions = {
  prisma: PrismaClient;
  sender: AlertSender;
  policy: RateLimitPolicy;
  /** Names this worker's claims (logs; a worker only marks rows it claimed). Default: host, pid, random. */
  workerId?: string;
  /** Shares the rate limits with every worker on this Redis; in memory (this process only) without. */
  redis?: Redis;
  /** Prefix of the limits' keys in Redis (several bots, or test runs, on one Redis); see `defaultRateLimitPrefix`. */
  rateLimitPrefix?: string;
  /**
   * The gate to take the limits' slots from, shared with the bot's own replies (which take a slot of
   * the platform's global limit): the two then stay within it together. `redis` and
   * `rateLimitPrefix` are the gate's business then. Default: a gate of its own.
   */
  gate?: RateGate;
  /** How long a claim holds before another worker may take the rows (a crashed worker's). Default 30 s. */
  leaseMs?: number;
  /** Sends in flight at once. Default 32: 30 sends/s even when the platform answers in 100 ms and more. */
  concurrency?: number;
  /** How often an idle worker looks for due rows. Default 200 ms. */
  pollMs?: number;
  /** Transaction buttons in the alerts. */
  explorer?: ExplorerLinks;
  log?: (msg: string, extra?: object) => void;
  /**
   * The process's metrics registry: the worker counts its sends there (`luma_chat_sends_total`,
   * kind `alert`) and reports its platform's outbox (`luma_alert_queue_depth`, `…_oldest_age_seconds`).
   */
  metrics?: Registry;
};

export type DeliveryWorker = {
  /** Stops claiming, waits for the sends in flight, and returns claimed but unsent rows to pending. */
  stop(): Promise<void>;
};

/**
 * Sends the outbox of `sender.platform`: claims due rows (`FOR UPDATE SKIP LOCKED`, so several
 * workers share one outbox), makes them messages (a digest's rows one message), waits for room in
 * every rate limit of the chat, sends up to `concurrency` at once (one at a time per chat, in
 * order), and records each outcome. A crash leaves its rows `sending`: once the lease lapses
 * another worker sends them, so at most the sends in flight at the crash go out twice.
 */
export function startDeliveryWorker(opts: DeliveryWorkerOptions): DeliveryWorker {
  const { prisma, sender } = opts;
  const platform = sender.platform;
  const workerId = (opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`).slice(0, 64);
  const leaseMs = opts.leaseMs ?? 30_000;
  const concurrency = opts.concurrency ?? 32;
  const pollMs = opts.pollMs ?? 200;
  const stopping = new AbortController();
  // Every send waiting for a rate-limit slot listens for the stop.
  setMaxListeners(concurrency + 10, stopping.signal);
  const context = {
    prisma,
    sender,
    policy: opts.policy,
    updates: deliveryUpdates(prisma, platform, workerId),
    gate:
      opts.gate ??
      createRateGate({
        redis: opts.redis,
        keyPrefix: opts.rateLimitPrefix ?? defaultRateLimitPrefix(platform),
      }),
    leaseMs,
    explorer: opts.explorer,
    signal: stopping.signal,
    notBefore: new Map<string, number>(),
    log: opts.log,
    metrics: createChatMetrics(opts.metrics),
  };
  const unwatchQueue = opts.metrics
    ? watchAlertQueue({ registry: opts.metrics, prisma, platform })
    : () => undefined;
  let active = 0;
  let slotFreed = () => {};
  /** Each chat's messages go out one after another: a chat's order, and its own limit, hold. */
  const chains = new Map<string, Promise<void>>();

  function enqueue(chatId: string, messages: OutboxMessage[], chat: ChatAtSendTime) {
    active += messages.length;
    const tail = (chains.get(chatId) ?? Promise.resolve()).then(async () => {
      for (const message of messages) {
        await sendOutboxMessage(context, message, chat);
        active--;
        slotFreed();
      }
    });
    chains.set(chatId, tail);
    void tail.finally(() => {
      if (chains.get(chatId) === tail) chains.delete(chatId);
    });
  }

  async function claimOnce(): Promise<number> {
    const rows = await claimDeliveries(prisma, { platform, workerId, leaseMs, limit: concurrency - active });
    if (rows.length === 0) return 0;
    const perChat = groupDeliveries(platform, rows);
    const chats = await prisma.alertSubscription.findMany({
      where: { platform, chatId: { in: [...perChat.keys()] } },
      select: { chatId: true, locale: true, settings: true, removedAt: true },
    });
    const byId = new Map(chats.map((chat) => [chat.chatId, chat]));
    for (const [chatId, messages] of perChat) enqueue(chatId, messages, byId.get(chatId));
    return rows.length;
  }

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      if (active >= concurrency) {
        await new Promise<void>((resolve) => {
          slotFreed = resolve;
        });
        continue;
      }
      let waitMs = pollMs;
      try {
        if ((await claimOnce()) > 0) continue;
      } catch (error) {
        // The database is away: no need to ask five times a second.
        waitMs = Math.max(pollMs, 1_000);
        opts.log?.("claiming deliveries failed", {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await sleep(waitMs, stopping.signal).catch(() => undefined);
    }
  })();

  return {
    async stop() {
      stopping.abort();
      slotFreed();
      await loop;
      await Promise.all(chains.values());
      unwatchQueue();
    },
  };
}
