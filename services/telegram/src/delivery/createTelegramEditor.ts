import type { MessageEditor } from "@luma-pulse/chat";
import { type Api, GrammyError } from "grammy";
import { inlineKeyboardOf } from "../render/inlineKeyboardOf.ts";
import { renderViewHtml } from "../render/renderViewHtml.ts";

const GONE = /message to edit not found|message can't be edited|chat not found/i;

/**
 * Edits a signing plan's message to show how the intent settled (the buttons go when the view has
 * none). Unchanged text counts as edited; a deleted message or chat, or a blocked bot, is gone;
 * anything else failed (tried again later). An intent view fits one message; were it longer, its
 * first part is kept.
 */
export function createTelegramEditor(api: Api): MessageEditor {
  return async ({ chatId, messageId }, view) => {
    const [html = ""] = renderViewHtml(view);
    const keyboard = inlineKeyboardOf(view.buttons);
    try {
      await api.editMessageText(chatId, Number(messageId), html, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return "edited";
    } catch (error) {
      if (!(error instanceof GrammyError)) return "failed";
      if (/message is not modified/i.test(error.description)) return "edited";
      if (error.error_code === 403 || GONE.test(error.description)) return "gone";
      return "failed";
    }
  };
}
