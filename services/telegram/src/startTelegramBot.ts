import { run } from "@grammyjs/runner";
import {
  createGatewayClient,
  type ExplorerLinks,
  followBurns,
  type GatewayClient,
  registerChartFonts,
  startDeliveryWorker,
  startIntentMessageFollower,
  telegramRateLimits,
} from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import { Api, type Bot } from "grammy";
import type { Redis } from "ioredis";
import type { BotContext } from "./BotContext.ts";
import type { Log } from "./BotDeps.ts";
import { createBot } from "./bot.ts";
import { setCommandMenus } from "./commandMenus.ts";
import type { TelegramConfig } from "./config.ts";
import { createTelegramEditor } from "./delivery/createTelegramEditor.ts";
import { createTelegramSender } from "./delivery/createTelegramSender.ts";
import { startWebhookServer } from "./startWebhookServer.ts";

/** The updates the bot handles; Telegram sends no others (no callback queries are used). */
const ALLOWED_UPDATES = ["message", "my_chat_member"] as const;

/** A running bot: its @username, and how to stop it. */
export type RunningTelegramBot = {
  username: string;
  /** Webhook mode: the local port Telegram's posts arrive on (behind your HTTPS proxy). */
  webhookPort?: number;
  /** Stops taking updates, then the intent follower, the burn subscription and the delivery worker (after its sends in flight). */
  stop(): Promise<void>;
};

/**
 * Starts the whole Telegram side: the bot (its command menus registered), the burn subscription
 * into the outbox, the delivery worker that sends from it under Telegram's limits, the follower
 * that edits signing-plan messages, and updates by long polling (grammY runner), or by webhook
 * when `config.webhook` is set. `redis` shares the send limits between several workers.
 */
export async function startTelegramBot(options: {
  config: TelegramConfig;
  prisma: PrismaClient;
  redis?: Redis;
  log: Log;
  /** Defaults to a client of `config.gatewayUrl` with the service token and API key. */
  gateway?: GatewayClient;
  explorer?: ExplorerLinks;
}): Promise<RunningTelegramBot> {
  const { config, prisma, redis, log } = options;
  const gateway =
    options.gateway ??
    createGatewayClient({
      url: config.gatewayUrl,
      serviceToken: config.gatewayServiceToken,
      apiKey: config.gatewayApiKey,
    });
  registerChartFonts();
  const bot = createBot(config, { prisma, gateway, explorer: options.explorer, log });
  await bot.init();
  await setCommandMenus(bot.api).catch((error: unknown) =>
    log("telegram command menus not registered", { error: String(error) }),
  );

  // Its own Api, without auto-retry: on a 429 the worker holds that chat back and goes on with others.
  const senderApi = new Api(config.token, config.apiRoot ? { apiRoot: config.apiRoot } : undefined);
  const worker = startDeliveryWorker({
    prisma,
    sender: createTelegramSender(senderApi),
    policy: telegramRateLimits,
    redis,
    explorer: options.explorer,
    log,
  });
  const burnsStopped = new AbortController();
  const burns = followBurns({
    gatewayUrl: config.gatewayUrl,
    prisma,
    platform: "telegram",
    apiKey: config.gatewayApiKey,
    signal: burnsStopped.signal,
    log,
  }).catch((error: unknown) => log("telegram burn subscription stopped", { error: String(error) }));
  const follower = startIntentMessageFollower({
    prisma,
    gateway,
    platform: "telegram",
    edit: createTelegramEditor(bot.api),
    log,
  });

  const stopBackground = async () => {
    await follower.stop();
    burnsStopped.abort();
    await burns;
    await worker.stop();
  };

  let updates: Awaited<ReturnType<typeof startUpdates>>;
  try {
    updates = await startUpdates(bot, config, log);
  } catch (error) {
    await stopBackground();
    throw error;
  }
  return {
    username: bot.botInfo.username,
    webhookPort: updates.port,
    async stop() {
      await updates.stop();
      await stopBackground();
    },
  };
}

/** Takes updates by webhook when configured, else by long polling; returns how to stop. */
async function startUpdates(
  bot: Bot<BotContext>,
  config: TelegramConfig,
  log: Log,
): Promise<{ port?: number; stop(): Promise<void> }> {
  if (config.webhook) {
    const server = await startWebhookServer(bot, config.webhook, log);
    try {
      await bot.api.setWebhook(config.webhook.url, {
        secret_token: config.webhook.secretToken,
        allowed_updates: ALLOWED_UPDATES,
      });
    } catch (error) {
      await server.close();
      throw error;
    }
    return { port: server.port, stop: () => server.close() };
  }
  // A webhook left from an earlier run would make getUpdates fail (409).
  await bot.api.deleteWebhook();
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  return { stop: () => runner.stop() };
}
