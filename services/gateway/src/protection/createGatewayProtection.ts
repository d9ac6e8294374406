import type { Plugin } from "graphql-yoga";
import { Redis } from "ioredis";
import { createApiKeyRegistry } from "./createApiKeyRegistry.ts";
import type { ProtectionConfig } from "./createProtectionConfig.ts";
import { createProtectionConfig } from "./createProtectionConfig.ts";
import { createRateLimiters } from "./createRateLimiters.ts";
import { queryLimitPlugins } from "./queryLimitPlugins.ts";
import { useCsrfProtection } from "./useCsrfProtection.ts";
import { type RateLimitedBy, useRateLimit } from "./useRateLimit.ts";

/** The gateway's protection, ready to plug into yoga; `close()` releases its Redis connection. */
export type GatewayProtection = { plugins: Plugin[]; close(): Promise<void> };

/** The defaults of every protection setting (what an empty environment gives). */
export const defaultProtectionConfig: ProtectionConfig = createProtectionConfig({});

/**
 * Builds the protection for one gateway from its config: rate limits (in Redis when `redisUrl` is
 * set, so replicas share the budget), CSRF prevention, and the document limits. Install the
 * plugins after the health routes, which must stay unlimited.
 */
export function createGatewayProtection(
  config: ProtectionConfig = defaultProtectionConfig,
  {
    log = console.log,
    graphqlEndpoint = "/graphql",
    onRateLimited,
    redisPrefix,
  }: {
    log?: (message: string) => void;
    graphqlEndpoint?: string;
    /** Called for each request refused with 429 (the gateway counts them). */
    onRateLimited?: (by: RateLimitedBy) => void;
    /** Prefix of the rate-limit keys in Redis (REDIS_PREFIX); default `luma-pulse:`. */
    redisPrefix?: string;
  } = {},
): GatewayProtection {
  const redis = config.rateLimit.redisUrl
    ? // No offline queue: while Redis is away, limiters answer from memory instead of waiting.
      new Redis(config.rateLimit.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  let redisDown = false;
  redis?.on("error", (error: Error) => {
    if (!redisDown) log(`rate limit: Redis unavailable, limiting in memory: ${error.message}`);
    redisDown = true;
  });
  redis?.on("ready", () => {
    redisDown = false;
  });
  const rateLimit = useRateLimit({
    limiters: createRateLimiters(config.rateLimit, redis, redisPrefix),
    apiKeys: createApiKeyRegistry(config.apiKeys),
    trustProxyHops: config.rateLimit.trustProxyHops,
    graphqlEndpoint,
    log,
    onRateLimited,
  });
  return {
    plugins: [rateLimit, useCsrfProtection(), ...queryLimitPlugins(config.limits)],
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
