import { Prisma, type PrismaClient } from "@luma-pulse/db";
import type { DeliveryPlatform } from "./AlertSender.ts";

/** A transient failure is tried this often in all; then the row is dropped with its last error. */
export const MAX_ATTEMPTS = 8;
const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 3_600_000;

/**
 * How a worker moves the rows it claimed. Every update is conditional on the row still being
 * `sending` and claimed by this worker: a worker whose lease lapsed (it stalled, another took the
 * rows) can no longer mark them. Times come from the database's clock, the one claims compare with.
 */
export function deliveryUpdates(prisma: PrismaClient, platform: DeliveryPlatform, workerId: string) {
  const mine = (ids: readonly bigint[]) =>
    Prisma.sql`id IN (${Prisma.join(ids)}) AND status = 'sending' AND "claimedBy" = ${workerId}`;

  return {
    /** Extends the lease right before a send; false when the rows are no longer all this worker's. */
    async renew(ids: readonly bigint[], leaseMs: number): Promise<boolean> {
      const count = await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET "leaseUntil" = now() + ${leaseMs}::int * interval '1 millisecond' WHERE ${mine(ids)}`;
      return count === ids.length;
    },

    async sent(ids: readonly bigint[], messageId: string): Promise<void> {
      await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET status = 'sent', "sentAt" = now(), "messageId" = ${messageId.slice(0, 64)}, "leaseUntil" = NULL
        WHERE ${mine(ids)}`;
    },

    /**
     * Nothing to `chatId` for `delayMs`: this worker's claimed rows of the chat go back to pending,
     * and every pending row of it waits at least that long.
     */
    async deferChat(chatId: string, delayMs: number): Promise<void> {
      await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET status = 'pending', "leaseUntil" = NULL, "claimedBy" = NULL,
          "sendAfter" = GREATEST("sendAfter", now() + ${Math.ceil(delayMs)}::int * interval '1 millisecond')
        WHERE platform = ${platform}::"ChatPlatform" AND "chatId" = ${chatId}
          AND (status = 'pending' OR (status = 'sending' AND "claimedBy" = ${workerId}))`;
    },

    /** A transient failure: tried again after an exponential backoff, dropped after {@link MAX_ATTEMPTS}. */
    async failed(ids: readonly bigint[], error: string): Promise<void> {
      await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET attempts = attempts + 1, "lastError" = ${error.slice(0, 256)}, "leaseUntil" = NULL, "claimedBy" = NULL,
          status = (CASE WHEN attempts + 1 >= ${MAX_ATTEMPTS} THEN 'dropped' ELSE 'pending' END)::"DeliveryStatus",
          "sendAfter" = now() + LEAST(${FIRST_BACKOFF_MS}::float8 * power(2, attempts), ${MAX_BACKOFF_MS})
            * interval '1 millisecond'
        WHERE ${mine(ids)}`;
    },

    /**
     * Unsent, through no fault of the message (the worker stops; the database or Redis failed): back
     * to pending for any worker to take, after `delayMs`, without counting an attempt.
     */
    async release(ids: readonly bigint[], delayMs = 0): Promise<void> {
      await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET status = 'pending', "leaseUntil" = NULL, "claimedBy" = NULL,
          "sendAfter" = GREATEST("sendAfter", now() + ${delayMs}::int * interval '1 millisecond')
        WHERE ${mine(ids)}`;
    },

    /** Never to be sent (unreadable, the chat unsubscribed or turned alerts off). */
    async drop(ids: readonly bigint[], reason: string): Promise<void> {
      await prisma.$executeRaw`UPDATE "AlertDelivery"
        SET status = 'dropped', "lastError" = ${reason.slice(0, 256)}, "leaseUntil" = NULL WHERE ${mine(ids)}`;
    },
  };
}

export type DeliveryUpdates = ReturnType<typeof deliveryUpdates>;
