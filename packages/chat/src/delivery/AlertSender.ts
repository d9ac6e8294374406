import type { ChatView } from "../views/ChatView.ts";

/** How one send ended, as the delivery worker acts on it. */
export type SendResult =
  | { kind: "sent"; messageId: string }
  /** The platform said 429: nothing to this chat before `retryAfterMs` has passed. */
  | { kind: "retry_after"; retryAfterMs: number }
  /** Blocked, kicked, chat not found, unknown channel: the chat is unsubscribed, not retried. */
  | { kind: "gone"; reason: string }
  /** Transient (5xx, network): retried later with backoff. */
  | { kind: "failed"; error: string };

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
