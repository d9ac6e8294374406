import type { ChatView } from "../views/ChatView.ts";

/** How one send ended, as the delivery worker acts on it. */
export type SendResult =
  | { kind: "sent"; messageId: string }
  /** The platform said 429: nothing to this chat before `retryAfterMs` has passed. */
  | { kind: "retry_after"; retryAfterMs: number }
  /** Blocked, kicked, chat not found, unknown channel: the chat is unsubscribed, not retried. */
  | { kind: "gone"; reason: string }
  /**
   * Telegram: the group became a supergroup with a new id (`migrate_to_chat_id`). The chat's
   * subscription and unsent rows move to `toChatId` (`moveChat`), and go out there.
   */
  | { kind: "moved"; toChatId: string }
  /**
   * Transient (5xx, network, timeout): retried with backoff for 24 hours after
   * the row was queued, however many tries that takes, so an outage of the platform loses nothing.
   */
  | { kind: "failed"; error: string }
  /**
   * The platform refused this message itself (an unexpected 4xx, such as "message is too long"):
   * sending it again will most likely be refused again, so it is tried a few times in all, then dropped.
   */
  | { kind: "rejected"; error: string };

/** The platforms the outbox delivers to (the database's `ChatPlatform`). */
export type DeliveryPlatform = "telegram" | "discord";

/** What a bot gives the delivery worker: how to send one view to one chat, and how it went. */
export type AlertSender = {
  platform: DeliveryPlatform;
  /**
   * Sends `view` to `chatId`; resolves with the outcome rather than throwing, well within the
   * worker's lease (a send that outlives it may be made again by another worker). `idempotencyKey`
   * is stable per outbox message and at most 25 characters (Discord uses it as the message nonce).
   */
  send(message: { chatId: string; view: ChatView; idempotencyKey: string }): Promise<SendResult>;
};
