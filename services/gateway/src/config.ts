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
  /**
   * Signing links (issue 4): PUBLIC_URL, SIGNING_INTENT_TTL_SECONDS, GATEWAY_SERVICE_TOKEN,
   * PUBLIC_RPC_URL, PUBLIC_CHAIN_NAME.
   */
  signing: SigningConfig;
};

export type SigningConfig = {
  /**
   * The gateway's public origin as members' phones reach it (PUBLIC_URL), e.g. https://pulse.example;
   * signing links are `<publicUrl>/sign/<id>` and SIWE messages carry its host as their domain.
   * Unset: http://127.0.0.1:<PORT> (only this machine can open such links).
   */
  publicUrl?: string;
  /** How long a signing intent can be signed (SIGNING_INTENT_TTL_SECONDS, default 900 = 15 min). */
  intentTtlSeconds: number;
  /**
   * Shared secret of the bots (GATEWAY_SERVICE_TOKEN): the mutations that act for a chat user
   * (wallet links) require it in `Authorization: Bearer <token>`. Unset: those mutations refuse.
   */
  serviceToken?: string;
  /**
   * The chain's JSON-RPC URL that members' wallets may be given (PUBLIC_RPC_URL, http(s) only): the
   * signing page offers it to `wallet_addEthereumChain`. The gateway's own RPC URL is never published
   * (it may carry a provider key or be an internal address), except a loopback one (the devnet).
   * Unset (and not the devnet): wallets are only asked to switch to a chain they already know.
   */
  publicRpcUrl?: string;
  /** The chain's name in wallets (PUBLIC_CHAIN_NAME); unset: a known name for the chain id, else "Chain <id>". */
  publicChainName?: string;
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
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: "expected the gateway's public http(s):// origin, like https://pulse.example",
    })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  SIGNING_INTENT_TTL_SECONDS: z.coerce
    .number({ error: "expected a number of seconds" })
    .int({ error: "expected a whole number of seconds" })
    .min(60, { error: "expected at least 60 seconds" })
    .max(86_400, { error: "expected at most 86400 seconds (a day)" })
    .default(900),
  PUBLIC_RPC_URL: z
    .url({
      protocol: /^https?$/,
      error: "expected the chain's public http(s):// JSON-RPC URL for wallets, like https://rpc.example.org",
    })
    .optional(),
  PUBLIC_CHAIN_NAME: z
    .string()
    .trim()
    .min(1, { error: "expected the chain's name as wallets show it, like Luma Mainnet" })
    .max(64, { error: "expected at most 64 characters" })
    .optional(),
  GATEWAY_SERVICE_TOKEN: z
    .string()
    .min(32, { error: "expected a random secret of at least 32 characters (openssl rand -hex 32)" })
    .optional(),
});

/** Reads the gateway's settings from the environment; a bad value fails with one line naming it. */
export function createGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const blankAsUnset = (value: string | undefined) => (value === "" ? undefined : value);
  const parsed = envSchema.safeParse({
    PORT: blankAsUnset(env.PORT),
    INDEXER_POLL_INTERVAL_MS: blankAsUnset(env.INDEXER_POLL_INTERVAL_MS),
    PUBLIC_URL: blankAsUnset(env.PUBLIC_URL),
    SIGNING_INTENT_TTL_SECONDS: blankAsUnset(env.SIGNING_INTENT_TTL_SECONDS),
    GATEWAY_SERVICE_TOKEN: blankAsUnset(env.GATEWAY_SERVICE_TOKEN),
    PUBLIC_RPC_URL: blankAsUnset(env.PUBLIC_RPC_URL),
    PUBLIC_CHAIN_NAME: blankAsUnset(env.PUBLIC_CHAIN_NAME),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "PORT");
    // A secret is named, never echoed.
    const shown = name === "GATEWAY_SERVICE_TOKEN" ? "…" : (env[name] ?? "");
    throw new Error(`${name}=${shown} is invalid: ${issue?.message}.`);
  }
  const protection = createProtectionConfig(env);
  return {
    port: parsed.data.PORT,
    protection,
    redisUrl: protection.rateLimit.redisUrl,
    indexerPollIntervalMs: parsed.data.INDEXER_POLL_INTERVAL_MS,
    signing: {
      publicUrl: parsed.data.PUBLIC_URL,
      intentTtlSeconds: parsed.data.SIGNING_INTENT_TTL_SECONDS,
      serviceToken: parsed.data.GATEWAY_SERVICE_TOKEN,
      publicRpcUrl: parsed.data.PUBLIC_RPC_URL,
      publicChainName: parsed.data.PUBLIC_CHAIN_NAME,
    },
  };
}
