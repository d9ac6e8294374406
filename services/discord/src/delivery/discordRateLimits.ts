import type { RateLimit, RateLimitPolicy } from "@luma-pulse/chat";

/**
 * Of Discord's 50 requests a second for the whole bot, what alerts may take: the rest is the bot's
 * own (its login's GET /gateway/bot, /stats posts and live edits, signing-plan edits in channels),
 * which Discord counts in the same second without going through the delivery worker's gate.
 */
const ALERTS_PER_SECOND = 48;

/**
 * Discord's limits on posting alerts: 50 requests a second for the whole bot (48 of them for
 * alerts), and 5 messages per 5 seconds in one channel (the per-route bucket Discord reports for
 * channel messages). No window under a second: the gate's Redis store would keep its slots
 * forever (rate-limiter-flexible sets no expiry below one second).
 */
export const discordRateLimits: RateLimitPolicy = {
  limitsFor(chatId) {
    const limits: RateLimit[] = [
      { key: `channel:${chatId}`, points: 5, durationMs: 5_000 },
      // Global last: its waits are the shortest, so a slot taken there is not held while others wait.
      { key: "global", points: ALERTS_PER_SECOND, durationMs: 1_000 },
    ];
    return limits;
  },
};
