import { errorView, localeOf } from "@luma-pulse/chat";
import type { BotError } from "grammy";
import { addressedToBot } from "../addressedToBot.ts";
import type { BotContext } from "../BotContext.ts";
import type { Log } from "../BotDeps.ts";
import { sendView } from "../render/sendView.ts";

/**
 * The bot's error boundary: a bug (or an outage the chat core does not word itself, like the
 * database) is logged with its update id, and the member who sent a message the bot answers (see
 * `addressedToBot`) gets a short localized "something went wrong": never the exception's text,
 * never silence. A group's chatter gets nothing, even while the database is down.
 */
export function errorReply(log: Log) {
  return async (error: BotError<BotContext>): Promise<void> => {
    const { ctx } = error;
    log("telegram update failed", {
      updateId: ctx.update.update_id,
      chatId: ctx.chat?.id,
      error: error.error instanceof Error ? (error.error.stack ?? error.error.message) : String(error.error),
    });
    // Only a message for the bot is answered: a membership change or a failed edit has nobody waiting.
    if (!ctx.chat || !ctx.message || !addressedToBot(ctx)) return;
    const locale = ctx.locale ?? localeOf(ctx.from?.language_code);
    const view = errorView(locale, { code: "INTERNAL_SERVER_ERROR", params: {}, retryable: true });
    await sendView(
      ctx.api,
      ctx.chat.id,
      view,
      ctx.chat.type === "private" ? {} : { replyTo: ctx.message.message_id },
    ).catch((sendError: unknown) =>
      log("telegram error reply failed", { updateId: ctx.update.update_id, error: String(sendError) }),
    );
  };
}
