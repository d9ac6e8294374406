import { z } from "zod";

/** How a standalone gateway process runs among its replicas (see {@link createReplicaConfig}). */
export type ReplicaConfig = {
  /** HOST: the interface the HTTP server binds; 0.0.0.0 by default, as a container must. */
  host: string;
  /** REDIS_PREFIX: prefix of every Redis channel and key, so deployments (and test runs) can share a Redis. */
  redisPrefix: string;
  /** INDEXER_LOCK_RETRY_MS: how often a standby replica tries to take the indexer lock. */
  indexerLockRetryMs: number;
};

const envSchema = z.object({
  HOST: z
    .string()
    .regex(/^[\w.:[\]-]+$/, {
      error: "expected an interface address or host name, like 0.0.0.0 or 127.0.0.1",
    })
    .default("0.0.0.0"),
  REDIS_PREFIX: z
    .string()
    // The bots' rule, so one REDIS_PREFIX works for every service of a deployment.
    .regex(/^[\w:.-]{1,64}$/, { error: "expected up to 64 letters, digits and _ : . -, like luma-pulse:" })
    .default("luma-pulse:"),
  INDEXER_LOCK_RETRY_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(100, { error: "expected at least 100 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(5_000),
});

/**
 * Reads HOST, REDIS_PREFIX and INDEXER_LOCK_RETRY_MS for `npm run gateway` (`npm start` keeps its
 * in-process defaults).
 *
 * @throws {Error} one line per bad variable, naming it
 */
export function createReplicaConfig(env: Record<string, string | undefined>): ReplicaConfig {
  const input = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name]?.trim() ? env[name]?.trim() : undefined]),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${input[name]} is invalid: ${issue.message}.`;
    });
    throw new Error(lines.join("\n"));
  }
  return {
    host: parsed.data.HOST,
    redisPrefix: parsed.data.REDIS_PREFIX,
    indexerLockRetryMs: parsed.data.INDEXER_LOCK_RETRY_MS,
  };
}
