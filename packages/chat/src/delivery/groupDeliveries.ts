import { createHash } from "node:crypto";
import type { DeliveryPlatform } from "./AlertSender.ts";
import type { ClaimedDelivery } from "./claimDeliveries.ts";

/** One message to one chat: a burn, a milestone, or a digest of the rows that share a key. */
export type OutboxMessage = {
  chatId: string;
  /** Oldest first. */
  rows: ClaimedDelivery[];
  /** Stable whatever worker sends it, as often as it is sent: 25 characters (Discord's nonce limit). */
  idempotencyKey: string;
};

const idempotencyKeyOf = (platform: DeliveryPlatform, chatId: string, key: string) =>
  createHash("sha256").update(`${platform}\n${chatId}\n${key}`).digest("base64url").slice(0, 25);

/**
 * Claimed rows as messages, per chat in the order they were queued: rows with one `digestKey`
 * make ONE message, every other row a message of its own.
 */
export function groupDeliveries(
  platform: DeliveryPlatform,
  rows: readonly ClaimedDelivery[],
): Map<string, OutboxMessage[]> {
  const messages = new Map<string, OutboxMessage>();
  const ordered = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const row of ordered) {
    const key = row.digestKey ?? row.eventId;
    const group = `${row.chatId}\n${key}`;
    const message = messages.get(group);
    if (message) message.rows.push(row);
    else
      messages.set(group, {
        chatId: row.chatId,
        rows: [row],
        idempotencyKey: idempotencyKeyOf(platform, row.chatId, key),
      });
  }
  const perChat = new Map<string, OutboxMessage[]>();
  for (const message of messages.values()) {
    const chat = perChat.get(message.chatId) ?? [];
    chat.push(message);
    perChat.set(message.chatId, chat);
  }
  return perChat;
}
