import { resolve } from "node:path";
import { z } from "zod";
import { DevnetError } from "./DevnetError.ts";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const envSchema = z.object({
  ANVIL_PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(0, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .max(65_535, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .default(8545),
  ANVIL_HOST: z
    .string()
    .trim()
    .min(1, { error: "expected an address to listen on, like 0.0.0.0" })
    .default("127.0.0.1"),
  DEVNET_RPC_URL: z
    .url({ protocol: /^https?$/, error: "expected the http(s):// URL other hosts reach the chain at" })
    .optional(),
  LUMA_DATA_DIR: z.string().min(1).default(".data"),
  LUMA_DEVNET_FRESH: flag.default(false),
  LUMA_SIMULATOR: flag.default(true),
  LUMA_SIMULATOR_TICK_MS: z.coerce
    .number({ error: "expected milliseconds" })
    .int()
    .min(100, { error: "expected at least 100 ms" })
    .default(1_000),
});

export type DevnetConfig = {
  /** Port of the chain's RPC; undefined picks a free one (ANVIL_PORT=0). */
  port: number | undefined;
  /** Interface anvil listens on (ANVIL_HOST): 0.0.0.0 lets other containers reach it. */
  host: string;
  /**
   * The RPC URL written into the manifest (DEVNET_RPC_URL), for processes elsewhere, e.g.
   * http://devnet:8545 in compose; undefined: the URL this process reaches anvil at.
   */
  publicRpcUrl: string | undefined;
  /** Folder for the devnet's manifest and chain state. */
  dataDir: string;
  /** Deploy and seed anew even when a previous devnet can be reused. */
  fresh: boolean;
  simulate: boolean;
  tickMs: number;
};

/**
 * Reads the devnet's settings from the environment (see `.env.example`); a bad value fails at
 * start with one line naming the variable and what it expects.
 */
export function createDevnetConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): DevnetConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new DevnetError("invalid_config", `${name}=${env[name] ?? ""} is invalid: ${issue?.message}.`);
  }
  const e = parsed.data;
  return {
    port: e.ANVIL_PORT === 0 ? undefined : e.ANVIL_PORT,
    host: e.ANVIL_HOST,
    publicRpcUrl: e.DEVNET_RPC_URL,
    dataDir: resolve(cwd, e.LUMA_DATA_DIR, "devnet"),
    fresh: e.LUMA_DEVNET_FRESH,
    simulate: e.LUMA_SIMULATOR,
    tickMs: e.LUMA_SIMULATOR_TICK_MS,
  };
}
