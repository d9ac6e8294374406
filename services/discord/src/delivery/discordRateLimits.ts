import type { RateLimit, RateLimitPolicy } from "@luma-pulse/chat";

/** Discord's global limit: requests a second for the whole bot, counted over any second. */
const GLOBAL_PER_SECOND = 50;

/**
 * Discord's limits on posting alerts: 50 requests a second for the whole bot, and 5 messages per
 * 5 seconds in one channel (the per-route bucket Discord reports for channel messages). The global
 * limit is also taken as 5 sends per 1/10 s: sends go out in small groups spread over the second
 * instead of 50 at once whenever a second's slots free up. A burst of 50 reaches Discord spread
 * over the time the process needs to put them on the wire (opening connections at the start, an
 * event-loop stall later), and the next second's first sends, on time, then land in the same second
 * as the burst's last ones: one over the limit, a 429. Spread, the rate is the same and nothing
 * bunches up. (Not 1 per 1/50 s: each slot's wake-up latency would then add to every send's
 * interval, a few percent of the rate.)
 */
export const discordRateLimits: RateLimitPolicy = {
  limitsFor(chatId) {
    const limits: RateLimit[] = [
      { key: `channel:${chatId}`, points: 5, durationMs: 5_000 },
      { key: "global", points: GLOBAL_PER_SECOND, durationMs: 1_000 },
      // Last: its waits are the shortest, so a slot taken there is not held while others wait.
      { key: "global-tenth", points: GLOBAL_PER_SECOND / 10, durationMs: 100 },
    ];
    return limits;
  },
};
