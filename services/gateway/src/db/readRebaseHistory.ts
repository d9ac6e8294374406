import { fromDecimal, Prisma, type PrismaClient } from "@luma-pulse/db";
import { annualizedPercent } from "@luma-pulse/protocol";
// BUCKET_ORIGIN: the same UTC alignment as the burn chart, so both charts bucket alike.
import { BUCKET_ORIGIN, BURN_INTERVALS, type BurnInterval } from "./readBurnSeries.ts";

/** Precision kept when the ratio of two indexes becomes a float factor. */
const RATIO_SCALE = 10n ** 12n;

/** One point of the index chart: the last rebase of its bucket. */
export type RebaseHistoryPoint = {
  epoch: bigint;
  /** When the epoch was due (catch-up epochs share a block, not a due time). */
  time: Date;
  blockNumber: bigint;
  /** The index after the rebase, 18 decimals. */
  index: bigint;
  /**
   * Percent per year realised since the point before (which may lie before `from`), two decimals;
   * undefined for the very first rebase.
   */
  realisedApyPercent: string | undefined;
  /** Where that window starts: the previous point's due time. */
  since: Date | undefined;
};

type HistoryRow = { epoch: bigint; epochTime: Date; blockNumber: bigint; index: string };

/**
 * The rebase index over [from, to), one point per bucket of `interval` that holds a rebase (its last
 * one, by `epochTime`), each with the APY realised since the point before it: the first point's
 * window starts at the last rebase before `from`. One query: the buckets' last rows
 * (`DISTINCT ON` the `date_bin` bucket) plus that earlier row. Callers bound the number of buckets.
 */
export async function readRebaseHistory(
  prisma: PrismaClient,
  query: { chainId: number; interval: BurnInterval; from: Date; to: Date },
): Promise<RebaseHistoryPoint[]> {
  const { chainId, interval, from, to } = query;
  const rows = await prisma.$queryRaw<HistoryRow[]>(Prisma.sql`
    (SELECT "epoch", "epochTime", "blockNumber", "index"::text AS "index" FROM "Rebase"
      WHERE "chainId" = ${chainId} AND "epochTime" < ${from}::timestamptz
      ORDER BY "epoch" DESC LIMIT 1)
    UNION ALL
    (SELECT DISTINCT ON ("bucket") "epoch", "epochTime", "blockNumber", "index" FROM (
        SELECT date_bin(${BURN_INTERVALS[interval].sql}::interval, "epochTime", ${BUCKET_ORIGIN}::timestamptz) AS "bucket",
          "epoch", "epochTime", "blockNumber", "index"::text AS "index"
        FROM "Rebase"
        WHERE "chainId" = ${chainId} AND "epochTime" >= ${from}::timestamptz AND "epochTime" < ${to}::timestamptz
      ) AS "ranged"
      ORDER BY "bucket", "epoch" DESC)
    ORDER BY "epoch"`);

  const points: RebaseHistoryPoint[] = [];
  let previous: { time: Date; index: bigint } | undefined;
  for (const row of rows) {
    const index = fromDecimal(row.index);
    const seconds = previous ? (row.epochTime.getTime() - previous.time.getTime()) / 1000 : 0;
    const apy =
      previous && seconds > 0 && previous.index > 0n
        ? annualizedPercent(Number((index * RATIO_SCALE) / previous.index) / Number(RATIO_SCALE), seconds)
        : undefined;
    if (row.epochTime.getTime() >= from.getTime()) {
      points.push({
        epoch: BigInt(row.epoch),
        time: row.epochTime,
        blockNumber: BigInt(row.blockNumber),
        index,
        realisedApyPercent: apy,
        since: apy === undefined ? undefined : previous?.time,
      });
    }
    previous = { time: row.epochTime, index };
  }
  return points;
}
