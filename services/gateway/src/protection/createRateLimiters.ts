import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { RateLimitConfig } from "./createProtectionConfig.ts";

/**
 * One limiter per kind of client, its buckets keyed by address or by API key name; `undefined`
 * when that kind is not limited (a limit of 0).
 */
export type RateLimiters = { ip?: RateLimiterAbstract; apiKey?: RateLimiterAbstract };

/**
 * Fixed-window limiters: in Redis when a client is given (replicas share one budget, keys under
 * `<keyPrefix>rate:`, REDIS_PREFIX), in memory otherwise. A Redis that stops answering does not stop the API:
 * each limiter falls back to an in-memory one of the same size until Redis is back.
 */
export function createRateLimiters(
  config: RateLimitConfig,
  redis?: Redis,
  keyPrefix = "luma-pulse:",
): RateLimiters {
  const limiter = (kind: string, points: number): RateLimiterAbstract | undefined => {
    if (points === 0) return undefined;
    const options = { keyPrefix: `${keyPrefix}rate:${kind}`, points, duration: config.windowSeconds };
    if (!redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({
      ...options,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  return {
    ip: limiter("ip", config.perIp),
    apiKey: limiter("key", config.perApiKey),
  };
}
