import { run } from "@grammyjs/runner";
import {
  createChatMetrics,
  createGatewayClient,
  createRateGate,
  defaultRateLimitPrefix,
  followBurns,
  type GatewayClient,
  registerChartFonts,
  startDeliveryWorker,
  startIntentMessageFollower,
  telegramRateLimits,
} from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { Logger } from "@luma-pulse/ops";
import type { Bot } from "grammy";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import type { BotContext } from "./BotContext.ts";
import type { Log } from "./BotDeps.ts";
import { createBot } from "./bot.ts";
import { setCommandMenus } from "./commandMenus.ts";
import type { TelegramConfig } from "./config.ts";
import { countApiCalls } from "./countApiCalls.ts";
import { createSenderApi } from "./delivery/createSenderApi.ts";
import { createTelegramEditor } from "./delivery/createTelegramEditor.ts";
import { createTelegramSender } from "./delivery/createTelegramSender.ts";
import { logPollingErrors } from "./logPollingErrors.ts";
import { trackUpdates } from "./middleware/trackUpdates.ts";
import { pollingFailure } from "./pollingFailure.ts";
import { startWebhookServer } from "./startWebhookServer.ts";
import { throttleSends } from "./throttleSends.ts";

/** The updates the bot handles; Telegram sends no others (no callback queries are used). */
const ALLOWED_UPDATES = ["message", "my_chat_member"] as const;
/** How long a stop waits for the updates being handled (a /stake asking the gateway) to finish. */
const UPDATES_GRACE_MS = 10_000;

/** A running bot: its @username, and how to stop it. */
export type RunningTelegramBot = {
  username: string;
  /** Webhook mode: the local port Telegram's posts arrive on (behind your HTTPS proxy). */
  webhookPort?: number;
  /**
   * Stops taking updates, lets the ones being handled finish (up to 10 s), then stops the intent
   * follower, the burn subscription and the delivery worker (after its sends in flight).
   */
  stop(): Promise<void>;
};

/**
 * Starts the whole Telegram side: the bot (its command menus registered), the burn subscription
 * into the outbox, the delivery worker that sends from it under Telegram's limits, the follower
 * that edits signing-plan messages, and updates by long polling (grammY runner), or by webhook
 * when `config.webhook` is set. Replies and alerts share one set of send limits; `redis` shares
 * them between several bot processes.
 */
export async function startTelegramBot(options: {
  config: TelegramConfig;
  prisma: PrismaClient;
  redis?: Redis;
  log: Log;
  /** The process's logger: each update handled is a debug line (with its updateId and chatId). */
  logger?: Logger;
  /**
   * The process's metrics registry: updates, replies, edits, alerts, 429s and the outbox are reported
   * there (see `createChatMetrics`, `watchAlertQueue`). Default: counted where nothing exports them.
   */
  metrics?: Registry;
  /** Defaults to a client of `config.gatewayUrl` with the service token and API key. */
  gateway?: GatewayClient;
  /**
   * Long polling stopped for good (Telegram's 409: another process polls with this token; 401: the
   * token was revoked), with a one-line `reason` to show. The caller stops everything (`stop()`
   * included) and exits. Without it, the reason is logged and the bot stays up without updates.
   */
  onFatal?: (error: unknown, reason: string) => void;
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
  // One gate for the bot's replies and the worker's alerts (in memory, the same object must serve both).
  const gate = createRateGate({ redis, keyPrefix: defaultRateLimitPrefix("telegram", config.redisPrefix) });
  const tracker = trackUpdates();
  const metrics = createChatMetrics(options.metrics);
  const bot = createBot(
    config,
    { prisma, gateway, explorer: config.explorer, log },
    { tracker, throttle: throttleSends(gate, telegramRateLimits), metrics, logger: options.logger },
  );
  await bot.init();
  await setCommandMenus(bot.api).catch((error: unknown) =>
    log("telegram command menus not registered", { error: String(error) }),
  );

  const senderApi = createSenderApi(config);
  senderApi.config.use(countApiCalls(metrics, { countSends: false }));
  const worker = startDeliveryWorker({
    prisma,
    sender: createTelegramSender(senderApi),
    policy: telegramRateLimits,
    gate,
    explorer: config.explorer,
    log,
    metrics: options.metrics,
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

  const onFatal = (error: unknown) => {
    const reason = pollingFailure(error);
    if (options.onFatal) options.onFatal(error, reason);
    else log(reason);
  };
  let updates: Awaited<ReturnType<typeof startUpdates>>;
  try {
    updates = await startUpdates(bot, config, log, onFatal);
  } catch (error) {
    await stopBackground();
    throw error;
  }
  return {
    username: bot.botInfo.username,
    webhookPort: updates.port,
    async stop() {
      await updates.stop();
      if (!(await tracker.settled(UPDATES_GRACE_MS))) {
        log("telegram stopped with updates still being handled", { waitedMs: UPDATES_GRACE_MS });
      }
      await stopBackground();
    },
  };
}

/** Takes updates by webhook when configured, else by long polling; returns how to stop. */
async function startUpdates(
  bot: Bot<BotContext>,
  config: TelegramConfig,
  log: Log,
  onFatal: (error: unknown) => void,
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
  bot.api.config.use(logPollingErrors(log));
  const runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } });
  // The runner gives up on 409 and 401 by rejecting its task; unhandled, that would end the process.
  runner.task()?.catch(onFatal);
  return { stop: async () => void (await runner.stop()) };
}
