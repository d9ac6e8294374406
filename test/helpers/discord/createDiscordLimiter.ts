/** Discord's limits on posting messages, as the stand-in enforces them. */
export type DiscordLimits = { globalPerSecond: number; perChannelPer5Seconds: number };

export const DISCORD_LIMITS: DiscordLimits = { globalPerSecond: 50, perChannelPer5Seconds: 5 };

/** A send that was refused: how long to wait, and whether it was the global limit. */
export type LimitHit = { retryAfterMs: number; global: boolean; limit: number };

/**
 * Sliding windows of requests: the global one (every request made with the bot's token; Discord
 * exempts interaction callbacks and interaction webhooks, which carry no token), and one per channel
 * for message posts.
 */
export function createDiscordLimiter(limits: DiscordLimits) {
  const windows = new Map<string, number[]>();
  const recent = (key: string, durationMs: number, now: number) => {
    const kept = (windows.get(key) ?? []).filter((at) => at > now - durationMs);
    windows.set(key, kept);
    return kept;
  };
  return {
    /**
     * Takes a slot for a request: of the global limit, and of `channelId`'s when it posts a message
     * there; or says how long until there is one.
     */
    take(
      channelId: string | undefined,
      now = Date.now(),
    ): { ok: true; remaining: number; resetAfterMs: number } | ({ ok: false } & LimitHit) {
      const global = recent("global", 1_000, now);
      const channel = channelId === undefined ? [] : recent(`channel:${channelId}`, 5_000, now);
      if (global.length >= limits.globalPerSecond) {
        return {
          ok: false,
          global: true,
          limit: limits.globalPerSecond,
          retryAfterMs: (global[0] ?? now) + 1_000 - now,
        };
      }
      if (channel.length >= limits.perChannelPer5Seconds) {
        return {
          ok: false,
          global: false,
          limit: limits.perChannelPer5Seconds,
          retryAfterMs: (channel[0] ?? now) + 5_000 - now,
        };
      }
      global.push(now);
      channel.push(now);
      return {
        ok: true,
        remaining: limits.perChannelPer5Seconds - channel.length,
        resetAfterMs: (channel[0] ?? now) + 5_000 - now,
      };
    },
  };
}
