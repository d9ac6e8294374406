import { z } from "zod";
import { DEFAULT_POLL_INTERVAL_MS } from "./indexer/createIndexer.ts";
import { createProtectionConfig, type ProtectionConfig } from "./protection/createProtectionConfig.ts";

export type GatewayConfig = {
  /** HTTP port of the gateway (GraphQL at /graphql); 0 picks a free one. */
  port: number;
  /** Document limits, rate limits and API keys (see protection/createProtectionConfig.ts). */
  protection: ProtectionConfig;
  /**
   * Redis shared by the replicas (REDIS_URL, validated with the protection settings): subscription
   * events reach every replica through it; unset: in-process, one replica.
   */
  redisUrl: string | undefined;
  /** INDEXER_POLL_INTERVAL_MS: the indexer's head poll while no new-head subscription is live. */
  indexerPollIntervalMs: number;
};

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(0, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .max(65_535, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .default(4000),
  INDEXER_POLL_INTERVAL_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(10, { error: "expected at least 10 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(DEFAULT_POLL_INTERVAL_MS),
});

/** Reads the gateway's settings from the environment; a bad value fails with one line naming it. */
export function createGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const blankAsUnset = (value: string | undefined) => (value === "" ? undefined : value);
  const parsed = envSchema.safeParse({
    PORT: blankAsUnset(env.PORT),
    INDEXER_POLL_INTERVAL_MS: blankAsUnset(env.INDEXER_POLL_INTERVAL_MS),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "PORT");
    throw new Error(`${name}=${env[name] ?? ""} is invalid: ${issue?.message}.`);
  }
  const protection = createProtectionConfig(env);
  return {
    port: parsed.data.PORT,
    protection,
    redisUrl: protection.rateLimit.redisUrl,
    indexerPollIntervalMs: parsed.data.INDEXER_POLL_INTERVAL_MS,
  };
}
