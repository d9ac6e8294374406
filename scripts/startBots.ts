import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@luma-pulse/db";
import { createLogger, type Logger, toLogFunction } from "@luma-pulse/ops";
import type { Registry } from "prom-client";

/** Which bots `npm start` runs: those whose tokens are set. */
export type WantedBots = { telegram: boolean; discord: boolean };

export function wantedBots(env: NodeJS.ProcessEnv): WantedBots {
  return { telegram: Boolean(env.TELEGRAM_BOT_TOKEN?.trim()), discord: Boolean(env.DISCORD_TOKEN?.trim()) };
}

/**
 * The environment with what the bots and the gateway must share, made up for this run when not
 * configured (both run in this process): the service token (wallet linking) and the bots' API key,
 * so a busy bot is not rate-limited as one more client of 127.0.0.1.
 */
export function withBotSecrets(env: NodeJS.ProcessEnv, bots: WantedBots): NodeJS.ProcessEnv {
  if (!bots.telegram && !bots.discord) return env;
  const apiKey = env.GATEWAY_API_KEY?.trim() ? undefined : randomBytes(24).toString("hex");
  return {
    ...env,
    GATEWAY_SERVICE_TOKEN: env.GATEWAY_SERVICE_TOKEN?.trim() || randomBytes(32).toString("hex"),
    ...(apiKey && {
      GATEWAY_API_KEY: apiKey,
      API_KEYS: [env.API_KEYS?.trim(), `bots:${apiKey}`].filter(Boolean).join(","),
    }),
  };
}

type Stoppable = { stop(): Promise<void> };
export type BotModules = Awaited<ReturnType<typeof loadBots>>;

/**
 * Imports the wanted bots and checks their configuration, before anything starts: a bad token fails
 * in a second, not after the devnet's seeding.
 */
export async function loadBots(env: NodeJS.ProcessEnv, bots: WantedBots) {
  const telegram = bots.telegram ? await import("@luma-pulse/telegram") : undefined;
  const discord = bots.discord ? await import("@luma-pulse/discord") : undefined;
  return {
    telegram: telegram && { module: telegram, config: telegram.createTelegramConfig(env) },
    discord: discord && { module: discord, config: discord.createDiscordConfig(env) },
  };
}

/**
 * Starts the loaded bots against the running gateway and database. `started` receives each bot as
 * soon as it runs, so a failure of the next one still stops it. `onFatal`: a platform refused the bot
 * for good after start-up (Telegram 409/401, Discord's session invalidated): the caller stops all.
 * `metrics`: the process's one registry (the gateway's /metrics then shows the bots' series too);
 * `logger`: each bot's logger (default: JSON lines on stdout at info, `service` the bot's name).
 */
export async function startBots(
  bots: BotModules,
  options: {
    gatewayUrl: string;
    prisma: PrismaClient;
    started: (bot: Stoppable) => void;
    onFatal: (reason: string) => void;
    metrics?: Registry;
    logger?: (service: "telegram" | "discord") => Logger;
  },
): Promise<string[]> {
  const { gatewayUrl, prisma, started, onFatal, metrics } = options;
  const loggerOf = options.logger ?? ((service) => createLogger({ service }));
  const lines: string[] = [];
  if (bots.telegram) {
    const { module, config } = bots.telegram;
    const logger = loggerOf("telegram");
    const telegram = await module.startTelegramBot({
      config: { ...config, gatewayUrl },
      prisma,
      log: toLogFunction(logger),
      logger,
      metrics,
      onFatal: (_error, reason) => onFatal(reason),
    });
    started(telegram);
    const mode = config.webhook ? `webhook ${config.webhook.url}` : "long polling";
    lines.push(`  telegram  @${telegram.username} (${mode})`);
  } else {
    lines.push("  telegram  off: start it with TELEGRAM_BOT_TOKEN=<token from @BotFather> npm start");
  }
  if (bots.discord) {
    const { module, config } = bots.discord;
    const logger = loggerOf("discord");
    const discord = await module.startDiscordBot({
      config: { ...config, gatewayUrl },
      prisma,
      log: toLogFunction(logger),
      logger,
      metrics,
      onFatal: (error) => onFatal(`Discord ended the bot's session: ${error.message}`),
    });
    started(discord);
    lines.push(`  discord   ${discord.tag} (commands: npm run discord:deploy)`);
  } else {
    lines.push(
      "  discord   off: start it with DISCORD_TOKEN=<bot token> DISCORD_APPLICATION_ID=<app id> npm start",
    );
  }
  return lines;
}
