import {
  createChatMetrics,
  createGatewayClient,
  defaultRateLimitPrefix,
  type ExplorerLinks,
  followBurns,
  type GatewayClient,
  registerChartFonts,
  startDeliveryWorker,
  startIntentMessageFollower,
} from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { Logger } from "@luma-pulse/ops";
import { Events } from "discord.js";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { createDiscordBot } from "./client.ts";
import type { DiscordConfig } from "./config.ts";
import type { Log } from "./DiscordBotDeps.ts";
import { countRestResponses } from "./delivery/countRestResponses.ts";
import { createAlertRest } from "./delivery/createAlertRest.ts";
import { createDiscordEditor } from "./delivery/createDiscordEditor.ts";
import { createDiscordSender } from "./delivery/createDiscordSender.ts";
import { discordRateLimits } from "./delivery/discordRateLimits.ts";

/** A running bot: its user tag, and how to stop it. */
export type RunningDiscordBot = {
  tag: string;
  /** Stops taking interactions (answering those in hand), then the background work (alert sends drained). */
  stop(): Promise<void>;
};

/**
 * Starts the whole Discord side: the client logged in to Discord's gateway (slash commands), the
 * burn subscription into the outbox, the delivery worker that posts from it under Discord's limits,
 * the follower that edits signing-plan replies, and the `/stats live` refresher.
 */
export async function startDiscordBot(options: {
  config: DiscordConfig;
  prisma: PrismaClient;
  log: Log;
  /** The process's logger: each command handled is a debug line (with its interactionId). */
  logger?: Logger;
  /**
   * The process's metrics registry: commands, replies, edits, alerts, 429s and the outbox are
   * reported there (see `createChatMetrics`, `watchAlertQueue`). Default: counted where nothing exports them.
   */
  metrics?: Registry;
  redis?: Redis;
  /** Defaults to a client of `config.gatewayUrl` with the API key and service token. */
  gateway?: GatewayClient;
  explorer?: ExplorerLinks;
  /**
   * Discord ended the session for good (the token was reset, or its intents are not allowed): the
   * client will not reconnect. The caller stops everything; unset, it is only logged.
   */
  onFatal?: (error: Error) => void;
}): Promise<RunningDiscordBot> {
  const { config, prisma, redis, log } = options;
  const gateway =
    options.gateway ??
    createGatewayClient({
      url: config.gatewayUrl,
      apiKey: config.gatewayApiKey,
      serviceToken: config.gatewayServiceToken,
    });
  registerChartFonts();
  const metrics = createChatMetrics(options.metrics);
  const bot = createDiscordBot(
    config,
    { prisma, gateway, explorer: options.explorer, log },
    { metrics, logger: options.logger },
  );

  const senderRest = createAlertRest(config);
  countRestResponses(senderRest, metrics, { countSends: false });
  const worker = startDeliveryWorker({
    prisma,
    sender: createDiscordSender(senderRest),
    policy: discordRateLimits,
    redis,
    rateLimitPrefix: defaultRateLimitPrefix("discord", config.redisPrefix),
    explorer: options.explorer,
    log,
    metrics: options.metrics,
  });
  const burnsStopped = new AbortController();
  const burns = followBurns({
    gatewayUrl: config.gatewayUrl,
    prisma,
    platform: "discord",
    apiKey: config.gatewayApiKey,
    signal: burnsStopped.signal,
    log,
  }).catch((error: unknown) => log("discord burn subscription stopped", { error: String(error) }));
  const follower = startIntentMessageFollower({
    prisma,
    gateway,
    platform: "discord",
    edit: createDiscordEditor(bot.client.rest, config.applicationId),
    explorer: options.explorer,
    log,
  });
  bot.deps.liveStats.start();
  bot.client.once(Events.Invalidated, () => {
    const error = new Error("Discord invalidated the bot's session (token reset?): it will not reconnect.");
    log("discord session invalidated", { error: error.message });
    options.onFatal?.(error);
  });

  const stopBackground = async () => {
    await bot.deps.liveStats.stop();
    await follower.stop();
    burnsStopped.abort();
    await burns;
    await worker.stop();
  };
  try {
    await bot.client.login(config.token);
  } catch (error) {
    await stopBackground();
    throw error;
  }
  return {
    tag: bot.client.user?.tag ?? config.applicationId,
    async stop() {
      bot.client.removeAllListeners(Events.InteractionCreate);
      await bot.settled();
      await bot.client.destroy();
      await stopBackground();
    },
  };
}
