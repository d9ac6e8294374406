import { Prisma, type PrismaClient } from "@luma-pulse/db";
import type { DeliveryPlatform } from "./AlertSender.ts";

/**
 * A transient failure (the platform or the network down) is retried for this long after the row
 * was queued, however many tries that takes: an outage of hours loses no alert.
 */
export const DELIVERY_HORIZON_MS = 24 * 3_600_000;
/**
 * Past the horizon a row is still tried this often in all before it is dropped: a row that came due
 * late (a daily digest, the end of quiet hours) outlasts a short outage too (12 tries span about half an hour).
 */
export const MIN_TRANSIENT_TRIES = 12;
/** A message the platform refused itself is tried this often in all (earlier failures count), then dropped. */
export const MAX_REJECTED_TRIES = 3;
const FIRST_BACKOFF_MS = 5_000;
/** An alert is news: once the platform is back, the wait for the next try is at most this. */
const MAX_BACKOFF_MS = 300_000;
/** Beyond this many tries the backoff is at its maximum anyway (and 2^n stays a small float). */
const BACKOFF_EXPONENT_CAP = 16;

/**
 * How a worker moves the rows it claimed. Every update is conditional on the row still being
 * `sending` and claimed by this worker: a worker whose lease lapsed (it stalled, another took the
 * rows) can no longer mark them. Times come from the database's clock, the one claims compare with.
 */
export function deliveryUpdates(prisma: PrismaClient, platform: DeliveryPlatform, workerId: string) {
  const mine = (ids: readonly bigint[]) =>
    Prisma.sql`id IN (${Prisma.join(ids)}) AND status = 'sending' AND "claimedBy" = ${workerId}`;

  /** Counts a try; the row is dropped when `dropWhen` holds, else due again after the backoff. */
  const retryLater = (ids: readonly bigint[], error: string, dropWhen: Prisma.Sql) =>
    prisma.$executeRaw`UPDATE "AlertDelivery"
      SET attempts = attempts + 1, "lastError" = ${error.slice(0, 256)}, "leaseUntil" = NULL, "claimedBy" = NULL,
        status = (CASE WHEN ${dropWhen} THEN 'dropped' ELSE 'pending' END)::"DeliveryStatus",
        "sendAfter" = now() + LEAST(${FIRST_BACKOFF_MS}::float8 * power(2, LEAST(attempts, ${BACKOFF_EXPONENT_CAP})),
          ${MAX_BACKOFF_MS}) * interval '1 millisecond'
      WHERE ${mine(ids)}`;

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

    /**
     * A transient failure: tried again after an exponential backoff (5 s doubling, at most 5 min),
     * dropped only once the row is older than {@link DELIVERY_HORIZON_MS} and was tried at least
     * {@link MIN_TRANSIENT_TRIES} times.
     */
    async failed(ids: readonly bigint[], error: string): Promise<void> {
      await retryLater(
        ids,
        error,
        Prisma.sql`"createdAt" < now() - ${DELIVERY_HORIZON_MS}::int * interval '1 millisecond'
        AND attempts + 1 >= ${MIN_TRANSIENT_TRIES}`,
      );
    },

    /** The platform refused the message: tried again after a backoff, dropped at the {@link MAX_REJECTED_TRIES}th try. */
    async rejected(ids: readonly bigint[], error: string): Promise<void> {
      await retryLater(ids, error, Prisma.sql`attempts + 1 >= ${MAX_REJECTED_TRIES}`);
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
