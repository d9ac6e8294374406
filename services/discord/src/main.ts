import { runBotProcess } from "@luma-pulse/chat";
import { createDiscordConfig } from "./config.ts";
import { startDiscordBot } from "./startDiscordBot.ts";

/**
 * The Discord bot as a process of its own (`npm run discord`); `runBotProcess` has the lifecycle.
 * Its ops server listens on 9465 unless OPS_PORT is set. A stop answers the commands in hand. Discord
 * ends the session for good when the token was reset or its intents are not allowed: the fatal
 * reason names Discord's error.
 */
void runBotProcess({
  service: "discord",
  displayName: "Discord bot",
  defaultOpsPort: 9465,
  readConfig: createDiscordConfig,
  startBot: ({ onFatal, ...deps }) =>
    startDiscordBot({
      ...deps,
      onFatal: (error) => onFatal(`Discord ended the bot's session: ${error.message}`),
    }),
  announce: ({ bot, config, logger, opsUrl }) =>
    logger.info(
      { tag: bot.tag, gatewayUrl: config.gatewayUrl, opsUrl },
      `Discord bot ${bot.tag} is running; gateway ${config.gatewayUrl}.`,
    ),
});
