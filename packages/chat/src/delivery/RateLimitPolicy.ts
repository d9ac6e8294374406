/** At most `points` sends per `durationMs` (a sliding window) for every send that names `key`. */
export type RateLimit = { key: string; points: number; durationMs: number };

/** The limits a send to `chatId` consumes: all of them must have room before it goes out. */
export type RateLimitPolicy = { limitsFor(chatId: string): RateLimit[] };

/**
 * Telegram's limit on everything a bot sends, about 30 messages a second: alerts and the bot's
 * replies and edits alike. The bot takes a slot of it before each reply, on the gate its delivery
 * worker uses (`gate` of `startDeliveryWorker`), so that a broadcast leaves no room for a 429.
 */
export const telegramGlobalLimit: RateLimit = { key: "global", points: 30, durationMs: 1_000 };

/**
 * Telegram's broadcast limits: about 30 messages a second overall, one a second per chat, and 20 a
 * minute per group (groups and channels have negative ids).
 */
export const telegramRateLimits: RateLimitPolicy = {
  limitsFor(chatId) {
    const limits: RateLimit[] = [{ key: `chat:${chatId}`, points: 1, durationMs: 1_000 }];
    if (chatId.startsWith("-")) limits.push({ key: `group:${chatId}`, points: 20, durationMs: 60_000 });
    // Global last: its waits are the shortest, so a slot taken there is not held while others wait.
    limits.push(telegramGlobalLimit);
    return limits;
  },
};
