import { z } from "zod";

/** The Discord bot's settings, read once at start (`createDiscordConfig(process.env)` in main.ts). */
export type DiscordConfig = {
  /** DISCORD_TOKEN: the bot token from the Developer Portal (Bot → Reset Token). */
  token: string;
  /** DISCORD_APPLICATION_ID: the application's id (General Information → Application ID). */
  applicationId: string;
  /** DISCORD_GUILD_ID: deploy the commands to this one server (development); unset: globally. */
  guildId?: string;
  /** GATEWAY_URL: the gateway's origin; the bot asks it for every protocol figure. */
  gatewayUrl: string;
  /** GATEWAY_API_KEY: the gateway's API key for this bot, when the gateway asks for one. */
  gatewayApiKey?: string;
  /** GATEWAY_SERVICE_TOKEN: lets the bot link wallets for its users (the gateway's shared secret). */
  gatewayServiceToken?: string;
  /** DISCORD_API_ROOT: another HTTP API root, like https://discord.com/api (the tests' stand-in). */
  apiRoot?: string;
  /** REDIS_URL: send limits shared by several delivery workers; unset: counted in this process. */
  redisUrl?: string;
  /** REDIS_PREFIX: the start of every Redis key the bot uses; createConfig sets `luma-pulse:` by default. */
  redisPrefix?: string;
};

const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = (what: string) =>
  z
    .string({ error: `is required: ${what}` })
    .regex(SNOWFLAKE, { error: "expected a Discord id (17-20 digits)" });

const envSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: "is required: the bot token from discord.com/developers (Bot → Reset Token)" })
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, {
      error: "does not look like a bot token (three dot-separated parts)",
    }),
  DISCORD_APPLICATION_ID: snowflake("the Application ID from discord.com/developers (General Information)"),
  DISCORD_GUILD_ID: z
    .string()
    .regex(SNOWFLAKE, { error: "expected a server id (17-20 digits; Developer Mode → Copy Server ID)" })
    .optional(),
  GATEWAY_URL: z
    .url({ protocol: /^https?$/, error: "expected the gateway's http(s):// URL, like http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000"),
  GATEWAY_API_KEY: z.string().min(1).optional(),
  GATEWAY_SERVICE_TOKEN: z
    .string()
    .min(32, { error: "expected the gateway's secret of at least 32 characters" })
    .optional(),
  DISCORD_API_ROOT: z.url({ protocol: /^https?$/, error: "expected an http(s):// URL" }).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { error: "expected a redis:// or rediss:// URL" })
    .optional(),
  // Several deployments (or test runs) on one Redis keep apart by it.
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, { error: "expected up to 64 letters, digits and _ : . -, like luma-pulse:" })
    .default("luma-pulse:"),
});

// Secrets are named, never echoed into logs.
const HIDDEN = new Set(["DISCORD_TOKEN", "GATEWAY_API_KEY", "GATEWAY_SERVICE_TOKEN", "REDIS_URL"]);

/**
 * Reads the bot's settings from the environment; empty variables count as unset.
 * @throws {Error} one line per bad or missing variable, naming it (never a secret's value)
 */
export function createDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
  const input = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name]?.trim() ? env[name]?.trim() : undefined]),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = input[name];
      return value === undefined
        ? `${name} ${issue.message}.`
        : `${name}=${HIDDEN.has(name) ? "…" : value} is invalid: ${issue.message}.`;
    });
    throw new Error(problems.join("\n"));
  }
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    gatewayUrl: e.GATEWAY_URL.replace(/\/+$/, ""),
    gatewayApiKey: e.GATEWAY_API_KEY,
    gatewayServiceToken: e.GATEWAY_SERVICE_TOKEN,
    apiRoot: e.DISCORD_API_ROOT?.replace(/\/+$/, ""),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
  };
}
