import { runBotProcess } from "@luma-pulse/chat";
import { createTelegramConfig } from "./config.ts";
import { startTelegramBot } from "./startTelegramBot.ts";

/**
 * The Telegram bot as a process of its own (`npm run telegram`; `npm start` runs it in-process with
 * the gateway instead); `runBotProcess` has the lifecycle. Its ops server listens on 9464 unless
 * OPS_PORT is set. A stop lets the updates being handled finish. Telegram refuses long polling for
 * good when another process polls with the token or it was revoked: the bot's one-line reason is
 * the fatal one.
 */
void runBotProcess({
  service: "telegram",
  displayName: "Telegram bot",
  defaultOpsPort: 9464,
  readConfig: createTelegramConfig,
  startBot: ({ onFatal, ...deps }) =>
    startTelegramBot({ ...deps, onFatal: (_error, reason) => onFatal(reason) }),
  announce: ({ bot, config, logger, opsUrl }) => {
    const mode = config.webhook ? `webhook ${config.webhook.url} (port ${bot.webhookPort})` : "long polling";
    logger.info(
      { username: bot.username, mode, gatewayUrl: config.gatewayUrl, opsUrl },
      `Telegram bot @${bot.username} is running (${mode}); gateway ${config.gatewayUrl}.`,
    );
  },
});
