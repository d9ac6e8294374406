import { Prisma, type PrismaClient } from "@luma-pulse/db";
import type { DeliveryPlatform } from "./AlertSender.ts";

/** An outbox row this worker now holds (status `sending`, its lease, `claimedBy` = the worker). */
export type ClaimedDelivery = {
  id: bigint;
  chatId: string;
  eventId: string;
  kind: string;
  payload: unknown;
  digestKey: string | null;
};

/**
 * Claims up to `limit` due rows of `platform` (pending and due, or `sending` with a lapsed lease:
 * a crashed worker's), plus the other due rows of their digests, in one statement. `FOR UPDATE
 * SKIP LOCKED` lets workers claim side by side without waiting for, or taking, each other's rows;
 * taking a digest's rows together keeps a digest one message even when `limit` cuts through it.
 * Works on PostgreSQL and PGlite.
 */
export async function claimDeliveries(
  prisma: PrismaClient,
  options: { platform: DeliveryPlatform; workerId: string; leaseMs: number; limit: number },
): Promise<ClaimedDelivery[]> {
  const { platform, workerId, leaseMs, limit } = options;
  const due = (alias: string) =>
    Prisma.raw(`((${alias}.status = 'pending' AND ${alias}."sendAfter" <= now())
      OR (${alias}.status = 'sending' AND ${alias}."leaseUntil" < now()))`);
  return prisma.$queryRaw<ClaimedDelivery[]>(Prisma.sql`
    WITH picked AS (
      SELECT d.id, d."chatId", d."digestKey" FROM "AlertDelivery" d
      WHERE d.platform = ${platform}::"ChatPlatform" AND ${due("d")}
      ORDER BY d."sendAfter", d.id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), digests AS (
      SELECT d.id FROM "AlertDelivery" d
      WHERE d.platform = ${platform}::"ChatPlatform" AND ${due("d")}
        AND (d."chatId", d."digestKey") IN (SELECT "chatId", "digestKey" FROM picked WHERE "digestKey" IS NOT NULL)
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "AlertDelivery"
    SET status = 'sending', "leaseUntil" = now() + ${leaseMs}::int * interval '1 millisecond', "claimedBy" = ${workerId}
    WHERE id IN (SELECT id FROM picked UNION SELECT id FROM digests)
    RETURNING id, "chatId", "eventId", kind, payload, "digestKey"`);
}
