import { type RateGate, type RateLimitPolicy, telegramGlobalLimit } from "@luma-pulse/chat";
import type { Transformer } from "grammy";

const SENDS = new Set(["sendMessage", "sendPhoto"]);
const EDITS = new Set(["editMessageText", "editMessageCaption", "editMessageReplyMarkup"]);
/**
 * The longest a reply waits for a slot: Telegram would make it wait no longer (a busy group's 20 a
 * minute), and past it the reply goes anyway, a 429 then handled by auto-retry.
 */
const MAX_WAIT_MS = 60_000;

/**
 * The bot's replies and edits take slots of the same limits as its alerts, from the gate the delivery
 * worker uses: replies and a 10,000-chat broadcast share Telegram's 30 messages a second instead
 * of overrunning it together. A new message takes its chat's, its group's and the global slot; an
 * edit only its chat's and group's (Telegram counts edits against their chat only). Slots are not
 * given back: the call counts at Telegram whatever it answers, from the moment it arrives, so each
 * slot is held until the answer and then one whole window more.
 */
export function throttleSends(gate: RateGate, policy: RateLimitPolicy): Transformer {
  return async (prev, method, payload, signal) => {
    const isSend = SENDS.has(method);
    const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
    if ((isSend || EDITS.has(method)) && chatId !== undefined) {
      const limits = policy
        .limitsFor(String(chatId))
        .filter((limit) => isSend || limit.key !== telegramGlobalLimit.key);
      const waited = AbortSignal.timeout(MAX_WAIT_MS);
      // grammY types the call's signal with its own minimal shape; at run time it is Node's.
      const call = signal as globalThis.AbortSignal | undefined;
      const slots = await gate
        .acquire(limits, call ? AbortSignal.any([call, waited]) : waited)
        .catch((error: unknown) => {
          if (!waited.aborted) throw error;
          return undefined;
        });
      try {
        return await prev(method, payload, signal);
      } finally {
        // Telegram counted the call before it answered: the slots stay taken one window from now.
        await slots?.answered();
      }
    }
    return prev(method, payload, signal);
  };
}
