import type { AlertSettings } from "./AlertSettings.ts";
import { isQuiet, quietUntil } from "./quietHours.ts";

/** What to do with one burn for one chat. */
export type BurnRoute =
  /** Send an alert now. */
  | { action: "send" }
  /**
   * Add it to the chat's digest of the window starting at `windowStart` (the outbox's key for the
   * digest), to be sent as one message at `sendAt` (the window's end, or when quiet hours end).
   */
  | { action: "digest"; windowStart: Date; sendAt: Date }
  /** Quiet hours: keep it until `until`; everything held for a chat then goes out as one digest. */
  | { action: "hold"; until: Date }
  /** Not for this chat. */
  | { action: "drop"; reason: "disabled" | "below_minimum" };

/**
 * Routes a burn for a chat by its settings at `now`: off → drop; below the minimum → drop; in quiet
 * hours → hold until they end; digest mode → the current UTC-aligned window; otherwise send now.
 * Pure: the same inputs give the same route, so a retried delivery lands in the same digest.
 */
export function routeBurn(settings: AlertSettings, burn: { amount: bigint }, now: Date): BurnRoute {
  if (!settings.enabled) return { action: "drop", reason: "disabled" };
  if (burn.amount < settings.minAmount) return { action: "drop", reason: "below_minimum" };
  if (isQuiet(settings.quietHours, now))
    return { action: "hold", until: quietUntil(settings.quietHours, now) };
  if (settings.mode === "perEvent") return { action: "send" };
  const windowMs = settings.digestWindowMinutes * 60_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const windowEnd = new Date(windowStart.getTime() + windowMs);
  return { action: "digest", windowStart, sendAt: quietUntil(settings.quietHours, windowEnd) };
}
