import type { ExplorerLinks } from "@luma-pulse/chat";
import { z } from "zod";

/** The Telegram bot's settings, read once at start (`createTelegramConfig(process.env)` in main.ts). */
export type TelegramConfig = {
  /** TELEGRAM_BOT_TOKEN, from @BotFather. */
  token: string;
  /** GATEWAY_URL: the gateway's origin; the bot asks it for every protocol figure. */
  gatewayUrl: string;
  /** GATEWAY_SERVICE_TOKEN: lets the bot link wallets for its users (the gateway's shared secret). */
  gatewayServiceToken?: string;
  /** GATEWAY_API_KEY: the bot's own rate-limit budget at the gateway (one of its API_KEYS). */
  gatewayApiKey?: string;
  /** Webhook mode when set (TELEGRAM_WEBHOOK_URL, with its required secret); long polling otherwise. */
  webhook?: { url: string; secretToken: string; port: number };
  /** TELEGRAM_API_ROOT: another Bot API server (a local one, or the tests' stand-in). */
  apiRoot?: string;
  /** REDIS_URL: rate limits shared by several delivery workers; unset: counted in this process. */
  redisUrl?: string;
  /** REDIS_PREFIX: the start of every Redis key the bot uses; createConfig sets `luma-pulse:` by default. */
  redisPrefix?: string;
  /** EXPLORER_TX_URL: transaction links in alerts and /burns; unset: views show the hash. */
  explorer?: ExplorerLinks;
};

const TOKEN = /^\d+:[\w-]{30,}$/;
// Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, "_" and "-".
const SECRET = /^[A-Za-z0-9_-]{1,256}$/;

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: z
    .string({ error: "is required: the token @BotFather gave you, like 123456:ABC-…" })
    .regex(TOKEN, { error: "does not look like a bot token (digits, a colon, then 30+ letters)" }),
  GATEWAY_URL: z
    .url({ protocol: /^https?$/, error: "expected the gateway's http(s):// URL, like http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000"),
  GATEWAY_SERVICE_TOKEN: z
    .string()
    .min(32, { error: "expected the gateway's secret of at least 32 characters" })
    .optional(),
  GATEWAY_API_KEY: z
    .string()
    .regex(/^\S{16,}$/, {
      error: "expected one of the gateway's API_KEYS: at least 16 characters, no spaces",
    })
    .optional(),
  TELEGRAM_WEBHOOK_URL: z
    .url({ protocol: /^https$/, error: "expected the public https:// URL Telegram posts updates to" })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(SECRET, { error: "expected 1-256 characters of A-Z, a-z, 0-9, _ and -" })
    .optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(0, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .max(65_535, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .default(8080),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "expected an http(s):// URL" }).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" })
    .optional(),
  // Several deployments (or test runs) on one Redis keep apart by it.
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, { error: "expected up to 64 letters, digits and _ : . -, like luma-pulse:" })
    .default("luma-pulse:"),
  EXPLORER_TX_URL: z
    .url({ protocol: /^https$/, error: "expected an https:// URL with {hash} in it" })
    .refine((url) => url.includes("{hash}"), { error: "expected {hash} where the transaction hash goes" })
    .optional(),
});

// Secrets and URLs that may carry credentials are named, never echoed into logs.
const HIDDEN = new Set([
  "TELEGRAM_BOT_TOKEN",
  "GATEWAY_SERVICE_TOKEN",
  "GATEWAY_API_KEY",
  "TELEGRAM_WEBHOOK_SECRET",
  "REDIS_URL",
]);

/**
 * Reads the bot's settings from the environment; empty variables count as unset.
 * @throws {Error} one line per bad or missing variable, naming it (never a secret's value)
 */
export function createTelegramConfig(env: Record<string, string | undefined>): TelegramConfig {
  const input = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name]?.trim() ? env[name]?.trim() : undefined]),
  );
  const parsed = envSchema.safeParse(input);
  const problems = (parsed.error?.issues ?? []).map((issue) => {
    const name = String(issue.path[0]);
    const value = input[name];
    return value === undefined
      ? `${name} ${issue.message}.`
      : `${name}=${HIDDEN.has(name) ? "…" : value} is invalid: ${issue.message}.`;
  });
  if (input.TELEGRAM_WEBHOOK_URL && !input.TELEGRAM_WEBHOOK_SECRET) {
    problems.push(
      "TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL, so that only Telegram can post updates (openssl rand -hex 32).",
    );
  }
  // A secret without a URL means someone meant webhook mode: long polling instead would be a surprise.
  if (input.TELEGRAM_WEBHOOK_SECRET && !input.TELEGRAM_WEBHOOK_URL) {
    problems.push(
      "TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set the URL for webhook mode, or unset the secret for long polling.",
    );
  }
  if (!parsed.success || problems.length > 0) throw new Error(problems.join("\n"));
  const e = parsed.data;
  return {
    token: e.TELEGRAM_BOT_TOKEN,
    gatewayUrl: e.GATEWAY_URL.replace(/\/+$/, ""),
    gatewayServiceToken: e.GATEWAY_SERVICE_TOKEN,
    gatewayApiKey: e.GATEWAY_API_KEY,
    webhook:
      e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
        ? {
            url: e.TELEGRAM_WEBHOOK_URL,
            secretToken: e.TELEGRAM_WEBHOOK_SECRET,
            port: e.TELEGRAM_WEBHOOK_PORT,
          }
        : undefined,
    apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    explorer: e.EXPLORER_TX_URL ? { txUrlTemplate: e.EXPLORER_TX_URL } : undefined,
  };
}
