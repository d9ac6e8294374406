/**
 * @luma-pulse/telegram: the Telegram bot. `startTelegramBot` runs all of it (updates, alert
 * delivery, signing-plan edits); `createBot` builds the grammY bot alone; the sender and editor plug
 * Telegram into the chat core's outbox and intent follower.
 */
export type { BotContext } from "./BotContext.ts";
export type { BotDeps, Log } from "./BotDeps.ts";
export { type CreateBotOptions, createBot } from "./bot.ts";
export { type CommandMenuSetting, commandMenuSettings, setCommandMenus } from "./commandMenus.ts";
export { createTelegramConfig, type TelegramConfig } from "./config.ts";
export { classifySendError } from "./delivery/classifySendError.ts";
export { createSenderApi } from "./delivery/createSenderApi.ts";
export { createTelegramEditor } from "./delivery/createTelegramEditor.ts";
export { createTelegramSender } from "./delivery/createTelegramSender.ts";
export { CAPTION_LIMIT, MESSAGE_LIMIT, renderViewHtml } from "./render/renderViewHtml.ts";
export { sendView } from "./render/sendView.ts";
export { type RunningTelegramBot, startTelegramBot } from "./startTelegramBot.ts";
export { throttleSends } from "./throttleSends.ts";
