import type { PrismaClient } from "@luma-pulse/db";
import { parseAlertSettings } from "../alerts/AlertSettings.ts";
import { isLocale } from "../i18n/Locale.ts";
import type { ChatMetrics } from "../metrics/createChatMetrics.ts";
import { moveChat, removeChat } from "../store/alertSubscriptions.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import type { AlertSender, SendResult } from "./AlertSender.ts";
import type { RateGate, RateSlots } from "./createRateGate.ts";
import type { DeliveryUpdates } from "./deliveryUpdates.ts";
import type { OutboxMessage } from "./groupDeliveries.ts";
import { outboxMessageView } from "./outboxMessageView.ts";
import type { RateLimitPolicy } from "./RateLimitPolicy.ts";
import { sleep } from "./sleep.ts";

/** What one worker shares between its sends. */
export type SendContext = {
  prisma: PrismaClient;
  sender: AlertSender;
  policy: RateLimitPolicy;
  updates: DeliveryUpdates;
  gate: RateGate;
  leaseMs: number;
  explorer?: ExplorerLinks;
  /** Aborted when the worker stops: sends that have not started give their rows back. */
  signal: AbortSignal;
  /** Chats that said 429, until when: not even rows queued since go to them before that. */
  notBefore: Map<string, number>;
  log?: (msg: string, extra?: object) => void;
  metrics: ChatMetrics;
};

/** The chat's subscription as it is at send time (its language; alerts turned off or gone since). */
export type ChatAtSendTime = { locale: string; settings: unknown; removedAt: Date | null } | undefined;

const RELEASE_AFTER_ERROR_MS = 5_000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends one message of claimed rows and records how it went; never throws. Renews the lease and
 * waits for room in the chat's rate limits first: if the rows are no longer this worker's (its lease
 * lapsed before and another worker took them), it does not send at all.
 */
export async function sendOutboxMessage(
  context: SendContext,
  message: OutboxMessage,
  chat: ChatAtSendTime,
): Promise<void> {
  const { updates, sender } = context;
  const { chatId } = message;
  const ids = message.rows.map((row) => row.id);
  try {
    if (!chat || chat.removedAt) return await updates.drop(ids, "the chat is not subscribed");
    if (!parseAlertSettings(chat.settings).enabled) return await updates.drop(ids, "alerts turned off");
    const view = outboxMessageView(message, isLocale(chat.locale) ? chat.locale : "en", context.explorer);
    if (!view) return await updates.drop(ids, "unreadable payload");
    const notBefore = context.notBefore.get(chatId) ?? 0;
    if (notBefore > Date.now()) return await updates.deferChat(chatId, notBefore - Date.now());
    context.notBefore.delete(chatId);
    const slots = await holdRateSlot(context, ids, chatId);
    if (!slots) return;
    // A sender that throws (a bug, an unexpected answer) failed this send: retried with backoff.
    const result: SendResult = await Promise.resolve()
      .then(() => sender.send({ chatId, view, idempotencyKey: message.idempotencyKey }))
      .catch((error: unknown) => ({ kind: "failed", error: errorText(error) }));
    context.metrics.sends.inc({ platform: sender.platform, kind: "alert", result: result.kind });
    // The message went out (or not) whatever the rate limits' store says now: a Redis failure here
    // must not give the rows back, or they would be sent twice.
    await slots
      .answered()
      .catch((error: unknown) =>
        context.log?.("rate slot not marked answered", { chatId, error: errorText(error) }),
      );
    await record(context, message, ids, result);
  } catch (error) {
    // The database or the rate limits' store failed, not the send: give the rows back, a little
    // later, so that the worker does not claim them again in a tight loop while the outage lasts.
    context.log?.("delivery interrupted", { chatId, deliveryIds: ids.map(String), error: errorText(error) });
    await updates.release(ids, RELEASE_AFTER_ERROR_MS).catch(() => undefined);
  }
}

/**
 * Renews the lease, then waits for room in the chat's limits: nothing may come between the slot and
 * the send, or sends would bunch up behind a slow database and overrun the platform's window. A wait
 * that ate half the lease gives its slots back and starts over (another worker may be about to take
 * the rows). False: do not send (the rows are another worker's now, or this worker stops and gave them back).
 */
async function holdRateSlot(
  context: SendContext,
  ids: bigint[],
  chatId: string,
): Promise<RateSlots | undefined> {
  const limits = context.policy.limitsFor(chatId);
  for (;;) {
    if (context.signal.aborted) {
      await context.updates.release(ids);
      return undefined;
    }
    if (!(await context.updates.renew(ids, context.leaseMs))) return undefined;
    const sendBy = Date.now() + context.leaseMs / 2;
    let slots: RateSlots;
    try {
      slots = await context.gate.acquire(limits, context.signal);
    } catch (error) {
      if (!context.signal.aborted) throw error;
      continue;
    }
    const pausedFor = (context.notBefore.get("*") ?? 0) - Date.now();
    if (pausedFor > 0) {
      await slots.release();
      await sleep(pausedFor, context.signal).catch(() => undefined);
      continue;
    }
    if (Date.now() <= sendBy) return slots;
    await slots.release();
  }
}

async function record(context: SendContext, message: OutboxMessage, ids: bigint[], result: SendResult) {
  const { updates } = context;
  const { chatId } = message;
  // Which outbox rows: an operator finds them in AlertDelivery (and a digest is several).
  const deliveryIds = ids.map(String);
  switch (result.kind) {
    case "sent":
      return updates.sent(ids, result.messageId);
    case "retry_after":
      context.notBefore.set(chatId, Date.now() + result.retryAfterMs);
      context.notBefore.set("*", Math.max(context.notBefore.get("*") ?? 0, Date.now() + result.retryAfterMs));
      context.log?.("chat rate limited", { chatId, deliveryIds, retryAfterMs: result.retryAfterMs });
      return updates.deferChat(chatId, result.retryAfterMs);
    case "gone":
      context.log?.("chat gone: unsubscribed", { chatId, deliveryIds, reason: result.reason });
      return removeChat(context.prisma, context.sender.platform, chatId, result.reason);
    case "moved":
      // The rows (these claimed ones too) go back to pending under the new id: the next claim sends them there.
      context.log?.("chat moved: its alerts follow", { chatId, toChatId: result.toChatId });
      return moveChat(context.prisma, context.sender.platform, chatId, result.toChatId);
    case "failed":
      context.log?.("send failed", { chatId, deliveryIds, error: result.error });
      return updates.failed(ids, result.error);
    case "rejected":
      context.log?.("send rejected", { chatId, deliveryIds, error: result.error });
      return updates.rejected(ids, result.error);
  }
}
