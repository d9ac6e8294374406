import { z } from "zod";
import { type ApiKey, parseApiKeys } from "./parseApiKeys.ts";

/** Limits on one GraphQL document, checked before anything runs. */
export type QueryLimits = {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** graphql-armor cost points: objects 2, scalars 1, ×1.5 per level, × `first`/`last`. */
  maxCost: number;
};

/** Requests allowed per window, by client address and by API key (0: not limited). */
export type RateLimitConfig = {
  windowSeconds: number;
  perIp: number;
  perApiKey: number;
  /** Proxies in front of the gateway whose `X-Forwarded-For` entry is trusted (0: use the socket's address). */
  trustProxyHops: number;
  /** Shared budget across replicas when set; in memory (per replica) otherwise. */
  redisUrl: string | undefined;
};

/** Everything that keeps the public API up under load and abuse. */
export type ProtectionConfig = { limits: QueryLimits; rateLimit: RateLimitConfig; apiKeys: ApiKey[] };

const count = (min: number, fallback: number) =>
  z.coerce
    .number({ error: `expected a whole number of at least ${min}` })
    .int({ error: `expected a whole number of at least ${min}` })
    .min(min, { error: `expected a whole number of at least ${min}` })
    .default(fallback);

const envSchema = z.object({
  GRAPHQL_MAX_DEPTH: count(1, 10),
  GRAPHQL_MAX_ALIASES: count(0, 30),
  GRAPHQL_MAX_TOKENS: count(1, 5_000),
  GRAPHQL_MAX_DIRECTIVES: count(0, 20),
  // A page of 100 burns with a dozen fields costs 5,000–9,000: two or three such pages per query.
  GRAPHQL_MAX_COST: count(1, 20_000),
  RATE_LIMIT_WINDOW_SECONDS: count(1, 60),
  RATE_LIMIT_PER_IP: count(0, 120),
  RATE_LIMIT_PER_API_KEY: count(0, 1_200),
  TRUST_PROXY_HOPS: count(0, 0),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" })
    .optional(),
});

/**
 * Reads the protection settings (documented in `.env.example`); unset or empty variables take the
 * defaults. A bad value throws one line naming the variable (never an API key).
 */
export function createProtectionConfig(env: Record<string, string | undefined>): ProtectionConfig {
  const input = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name] === "" ? undefined : env[name]]),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0]);
    const shown = name === "REDIS_URL" ? "(the URL)" : (env[name] ?? "");
    throw new Error(`${name}=${shown} is invalid: ${issue?.message}.`);
  }
  const e = parsed.data;
  return {
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxCost: e.GRAPHQL_MAX_COST,
    },
    rateLimit: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      perIp: e.RATE_LIMIT_PER_IP,
      perApiKey: e.RATE_LIMIT_PER_API_KEY,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      redisUrl: e.REDIS_URL,
    },
    apiKeys: parseApiKeys(env.API_KEYS),
  };
}
