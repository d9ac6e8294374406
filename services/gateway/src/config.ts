import { z } from "zod";
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
};

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(0, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .max(65_535, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .default(4000),
});

/** Reads the gateway's settings from the environment; a bad value fails with one line naming it. */
export function createGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = envSchema.safeParse({ PORT: env.PORT === "" ? undefined : env.PORT });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`PORT=${env.PORT ?? ""} is invalid: ${issue?.message}.`);
  }
  const protection = createProtectionConfig(env);
  return { port: parsed.data.PORT, protection, redisUrl: protection.rateLimit.redisUrl };
}
