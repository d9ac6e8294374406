import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/** Discord's JSON error codes that mean the channel will not take messages from the bot again. */
export const GONE_CODES = new Map<number, string>([
  [10003, "Unknown Channel"],
  [10004, "Unknown Guild"],
  [50001, "Missing Access"],
  [50013, "Missing Permissions"],
]);

/** How a failed Discord request ended, as the callers act on it. */
export type DiscordErrorOutcome =
  | { kind: "retry_after"; retryAfterMs: number }
  | { kind: "gone"; reason: string }
  | { kind: "failed"; error: string }
  | { kind: "rejected"; error: string };

/**
 * Classifies an error thrown by @discordjs/rest: a 429 (a `RateLimitError` when the REST rejects
 * on rate limits, or a raw 429) waits; a deleted channel or lost access is gone; any other 4xx
 * refused this message (rejected: tried a few times, then dropped; 401 is the bot's token, not the
 * message: failed); anything else (5xx after its retries, a timeout, the network) failed, to be
 * tried later.
 */
export function discordErrorOutcome(error: unknown): DiscordErrorOutcome {
  if (error instanceof RateLimitError) return { kind: "retry_after", retryAfterMs: error.retryAfter };
  if (error instanceof DiscordAPIError) {
    const gone = typeof error.code === "number" ? GONE_CODES.get(error.code) : undefined;
    if (gone) return { kind: "gone", reason: `${error.code} ${gone}` };
    if (error.status === 429) {
      const retryAfter = Number((error.rawError as { retry_after?: number }).retry_after ?? 1);
      return { kind: "retry_after", retryAfterMs: Math.ceil(retryAfter * 1_000) };
    }
    const error_ = `${error.status} ${error.code}: ${error.message}`.slice(0, 256);
    const refused = error.status >= 400 && error.status < 500 && error.status !== 401;
    return refused ? { kind: "rejected", error: error_ } : { kind: "failed", error: error_ };
  }
  if (error instanceof HTTPError)
    return { kind: "failed", error: `${error.status} ${error.message}`.slice(0, 256) };
  return { kind: "failed", error: (error instanceof Error ? error.message : String(error)).slice(0, 256) };
}
