import type { RateLimit, RateLimitPolicy } from "@luma-pulse/chat";

/**
 * Discord's limits on posting alerts: 50 requests a second for the whole bot, and 5 messages per
 * 5 seconds in one channel (the per-route bucket Discord reports for channel messages). Sends that
 * bunch up on their way out after taking their slots are spaced again by the sender's REST
 * (`paceRequests` in startDiscordBot). No window under a second: the gate's Redis store keeps
 * those forever (rate-limiter-flexible sets no expiry below one second).
 */
export const discordRateLimits: RateLimitPolicy = {
  limitsFor(chatId) {
    const limits: RateLimit[] = [
      { key: `channel:${chatId}`, points: 5, durationMs: 5_000 },
      // Global last: its waits are the shortest, so a slot taken there is not held while others wait.
      { key: "global", points: 50, durationMs: 1_000 },
    ];
    return limits;
  },
};
