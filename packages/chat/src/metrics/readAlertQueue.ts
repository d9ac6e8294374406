import { Prisma, type PrismaClient } from "@luma-pulse/db";
import type { DeliveryPlatform } from "../delivery/AlertSender.ts";

/** A platform's outbox right now. */
export type AlertQueueState = {
  platform: DeliveryPlatform;
  /** Rows not yet delivered: pending (due or scheduled: digests, backoffs, 429 waits) or being sent. */
  depth: number;
  /** How long the longest-waiting due row has been due (0 when none is): the delivery lag. */
  oldestAgeSeconds: number;
};

/**
 * Reads the outbox of `platforms` in one query (the `[status, sendAfter]` index serves it). The age
 * counts from `sendAfter`, not `createdAt`: a digest waits for its window by design, and that wait
 * is no lag.
 */
export async function readAlertQueue(
  prisma: PrismaClient,
  platforms: readonly DeliveryPlatform[],
): Promise<AlertQueueState[]> {
  if (platforms.length === 0) return [];
  const rows = await prisma.$queryRaw<
    { platform: DeliveryPlatform; depth: number; oldestAgeSeconds: number }[]
  >`
    SELECT platform::text AS platform, count(*)::int AS depth,
      COALESCE(EXTRACT(EPOCH FROM now() - min("sendAfter") FILTER (WHERE "sendAfter" <= now())), 0)::float8
        AS "oldestAgeSeconds"
    FROM "AlertDelivery"
    WHERE status IN ('pending', 'sending') AND platform::text IN (${Prisma.join(platforms)})
    GROUP BY platform`;
  return platforms.map((platform) => {
    const row = rows.find((found) => found.platform === platform);
    return { platform, depth: row?.depth ?? 0, oldestAgeSeconds: row?.oldestAgeSeconds ?? 0 };
  });
}
