import type { SendResult } from "@luma-pulse/chat";
import { GrammyError, HttpError } from "grammy";

// What Telegram says (400) when a chat is gone for good: deleted, upgraded to a supergroup (a new
// id), or the bot may no longer write there. 403 is always gone (blocked, kicked, deactivated).
const GONE_400 =
  /chat not found|group chat was upgraded|have no rights to send|chat_write_forbidden|not enough rights/i;

/**
 * A failed send as the delivery worker's outcome: 429 → `retry_after` (Telegram's seconds as ms;
 * nothing more to that chat before then), 403 and a vanished chat → `gone` (unsubscribe), anything
 * else (5xx, network, an unexpected 400) → `failed`, retried later with backoff.
 */
export function classifySendError(error: unknown): Exclude<SendResult, { kind: "sent" }> {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return { kind: "retry_after", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
    }
    if (error.error_code === 403 || (error.error_code === 400 && GONE_400.test(error.description))) {
      // An upgraded group lives on under a new id: its admins re-enable alerts there (/alerts on).
      const moved = error.parameters.migrate_to_chat_id;
      return {
        kind: "gone",
        reason: moved === undefined ? error.description : `${error.description} (now ${moved})`,
      };
    }
    return { kind: "failed", error: `${error.error_code}: ${error.description}` };
  }
  if (error instanceof HttpError) return { kind: "failed", error: `network: ${error.message}` };
  return { kind: "failed", error: error instanceof Error ? error.message : String(error) };
}
