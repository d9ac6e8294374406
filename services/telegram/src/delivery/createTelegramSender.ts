import type { AlertSender } from "@luma-pulse/chat";
import type { Api } from "grammy";
import { sendView } from "../render/sendView.ts";
import { classifySendError } from "./classifySendError.ts";

/**
 * The delivery worker's Telegram sender: a view as HTML (link previews off), and the outcome the
 * worker acts on (see `classifySendError`). Give it an `Api` without the auto-retry transformer:
 * the worker itself waits out a 429 for that chat, without blocking its other sends.
 */
export function createTelegramSender(api: Api): AlertSender {
  return {
    platform: "telegram",
    async send({ chatId, view }) {
      try {
        const message = await sendView(api, chatId, view);
        return { kind: "sent", messageId: String(message.message_id) };
      } catch (error) {
        return classifySendError(error);
      }
    },
  };
}
