import { Counter, Histogram, Registry } from "prom-client";
import { metricOf } from "./metricOf.ts";

/** What a bot sends: an alert from the outbox, a reply to a member, an edit of an earlier message. */
export type SendKind = "alert" | "reply" | "edit";

/** The counters the bots and the delivery worker keep, on the registry they were given. */
export type ChatMetrics = {
  registry: Registry;
  /** `luma_chat_sends_total{platform,kind,result}`: every attempt, `result` a `SendResult` kind. */
  sends: Counter<"platform" | "kind" | "result">;
  /** `luma_chat_rate_limited_total{platform}`: each 429 the platform answered, whatever the call. */
  rateLimited: Counter<"platform">;
  /** `luma_bot_updates_total{platform,result}`: updates (Telegram) and commands (Discord) handled, ok or error. */
  updates: Counter<"platform" | "result">;
  /** `luma_bot_update_duration_seconds{platform}`: how long handling one took. */
  updateDuration: Histogram<"platform">;
};

/**
 * The bots' metrics on `registry` (created there once, then shared: both bots of `npm start` count
 * into the same series, told apart by `platform`). Without a registry they count into one of their
 * own, which nothing scrapes: tests and callers that do not export metrics.
 */
export function createChatMetrics(registry: Registry = new Registry()): ChatMetrics {
  const registers = [registry];
  return {
    registry,
    sends: metricOf(
      registry,
      "luma_chat_sends_total",
      () =>
        new Counter({
          name: "luma_chat_sends_total",
          help: "Messages the bots tried to send, by kind (alert, reply, edit) and outcome (sent, retry_after, gone, moved, failed, rejected).",
          labelNames: ["platform", "kind", "result"] as const,
          registers,
        }),
    ),
    rateLimited: metricOf(
      registry,
      "luma_chat_rate_limited_total",
      () =>
        new Counter({
          name: "luma_chat_rate_limited_total",
          help: "429 answers from the chat platform (Telegram retry_after, Discord rate limits).",
          labelNames: ["platform"] as const,
          registers,
        }),
    ),
    updates: metricOf(
      registry,
      "luma_bot_updates_total",
      () =>
        new Counter({
          name: "luma_bot_updates_total",
          help: "Updates (Telegram) and slash commands (Discord) handled, by result (ok, error).",
          labelNames: ["platform", "result"] as const,
          registers,
        }),
    ),
    updateDuration: metricOf(
      registry,
      "luma_bot_update_duration_seconds",
      () =>
        new Histogram({
          name: "luma_bot_update_duration_seconds",
          help: "How long the bot took to handle an update or a slash command (gateway calls included).",
          labelNames: ["platform"] as const,
          buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers,
        }),
    ),
  };
}
