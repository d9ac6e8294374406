/** At most `points` sends per `durationMs` (a sliding window) for every send that names `key`. */
export type RateLimit = { key: string; points: number; durationMs: number };

/** The limits a send to `chatId` consumes: all of them must have room before it goes out. */
export type RateLimitPolicy = { limitsFor(chatId: string): RateLimit[] };

/**
 * Telegram's broadcast limits: about 30 messages a second overall, one a second per chat, and 20 a
 * minute per group (groups and channels have negative ids).
 */
export const telegramRateLimits: RateLimitPolicy = {
  limitsFor(chatId) {
    const limits: RateLimit[] = [{ key: `chat:${chatId}`, points: 1, durationMs: 1_000 }];
    if (chatId.startsWith("-")) limits.push({ key: `group:${chatId}`, points: 20, durationMs: 60_000 });
    // Global last: its waits are the shortest, so a slot taken there is not held while others wait.
    limits.push({ key: "global", points: 30, durationMs: 1_000 });
    return limits;
  },
};
