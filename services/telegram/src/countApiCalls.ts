import type { ChatMetrics, SendKind } from "@luma-pulse/chat";
import { GrammyError, type Transformer } from "grammy";
import { classifySendError } from "./delivery/classifySendError.ts";

/** The calls that send something a member reads, and what they count as. */
const SEND_KINDS: Record<string, SendKind> = {
  sendMessage: "reply",
  sendPhoto: "reply",
  editMessageText: "edit",
  editMessageCaption: "edit",
  editMessageReplyMarkup: "edit",
};

/**
 * Counts what Telegram answers, one HTTP call at a time (install it first, inside auto-retry and the
 * send limits, so each retry counts): every 429 (`luma_chat_rate_limited_total`) whatever the
 * method, and with `countSends` the bot's replies and edits (`luma_chat_sends_total`) by the outcome
 * the delivery worker would see. The delivery worker's own API counts 429s only: it counts its alerts
 * itself, by the outcome it acts on.
 */
export function countApiCalls(metrics: ChatMetrics, options: { countSends: boolean }): Transformer {
  return async (prev, method, payload, signal) => {
    const kind = options.countSends ? SEND_KINDS[method] : undefined;
    const countSend = (result: string) => {
      if (kind) metrics.sends.inc({ platform: "telegram", kind, result });
    };
    try {
      const response = await prev(method, payload, signal);
      if (response.ok) {
        countSend("sent");
      } else {
        if (response.error_code === 429) metrics.rateLimited.inc({ platform: "telegram" });
        const error = new GrammyError(
          response.description,
          response,
          method,
          payload as Record<string, unknown>,
        );
        countSend(classifySendError(error).kind);
      }
      return response;
    } catch (error) {
      // A stop aborting the call is not a failed send.
      if (!signal?.aborted) countSend("failed");
      throw error;
    }
  };
}
