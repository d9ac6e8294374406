import type { SendResult } from "@luma-pulse/chat";
import { GrammyError, HttpError } from "grammy";

// What Telegram says (400) when a chat is gone for good: deleted. 403 is gone too (blocked, kicked,
// deactivated), unless it is about rights.
const GONE_400 = /chat not found/i;
// The bot is still in the chat but may not write there right now (slow mode, a raid lockdown, muted
// bots): an admin can lift it, so the alert waits instead of the chat losing its subscription.
const NO_RIGHTS = /have no rights to send|chat_write_forbidden|not enough rights/i;

/**
 * A failed send as the delivery worker's outcome: 429 → `retry_after` (Telegram's seconds as ms;
 * nothing more to that chat before then), a group upgraded to a supergroup → `moved` (to its new
 * id), 403 and a vanished chat → `gone` (unsubscribe), any other 4xx → `rejected` (this message
 * will not go: tried a few times, then dropped), and 5xx, network, missing rights or a revoked
 * token → `failed`, retried later with backoff.
 */
export function classifySendError(error: unknown): Exclude<SendResult, { kind: "sent" }> {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      return { kind: "retry_after", retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
    }
    // A group upgraded to a supergroup: the same chat under a new id, where its alerts go from now on.
    const movedTo = error.parameters.migrate_to_chat_id;
    if (movedTo !== undefined) return { kind: "moved", toChatId: String(movedTo) };
    const problem = `${error.error_code}: ${error.description}`;
    if (NO_RIGHTS.test(error.description)) return { kind: "failed", error: problem };
    if (error.error_code === 403 || (error.error_code === 400 && GONE_400.test(error.description))) {
      return { kind: "gone", reason: error.description };
    }
    // Any other 4xx is about this message (a bad entity, too long), except a revoked token (401).
    if (error.error_code >= 400 && error.error_code < 500 && error.error_code !== 401) {
      return { kind: "rejected", error: problem };
    }
    return { kind: "failed", error: problem };
  }
  if (error instanceof HttpError) return { kind: "failed", error: `network: ${error.message}` };
  return { kind: "failed", error: error instanceof Error ? error.message : String(error) };
}
