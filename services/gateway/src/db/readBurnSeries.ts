import { fromDecimal, Prisma, type PrismaClient } from "@luma-pulse/db";

/** The width of a chart bucket. */
export type BurnInterval = "hour" | "day" | "week";

/** Each interval's length in milliseconds, and how Postgres spells it for `date_bin`. */
export const BURN_INTERVALS: Record<BurnInterval, { ms: number; sql: string }> = {
  hour: { ms: 3_600_000, sql: "1 hour" },
  day: { ms: 86_400_000, sql: "1 day" },
  week: { ms: 604_800_000, sql: "7 days" },
};

/**
 * Where buckets are aligned, in UTC: 2001-01-01 was a Monday, so weeks run Monday to Monday, days
 * from midnight UTC, hours on the hour. `date_bin` in SQL and {@link burnBucketStart} in JS share it.
 */
export const BUCKET_ORIGIN = new Date(Date.UTC(2001, 0, 1));

/** One bucket of the burn chart. Sums are exact base units of SORA. */
export type BurnBucket = {
  start: Date;
  end: Date;
  burned: bigint;
  burns: number;
  sold: bigint;
  boughtBack: bigint;
  /** The running total burned at the bucket's end (at `to` for a bucket that `to` cuts short). */
  totalBurned: bigint;
};

/** The start of the bucket holding `time` (floored to the interval, from the UTC origin). */
export function burnBucketStart(interval: BurnInterval, time: Date): Date {
  const { ms } = BURN_INTERVALS[interval];
  const sinceOrigin = time.getTime() - BUCKET_ORIGIN.getTime();
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor(sinceOrigin / ms) * ms);
}

/** How many buckets cover [from, to), the first one starting at or before `from`. */
export function countBurnBuckets(interval: BurnInterval, from: Date, to: Date): number {
  const { ms } = BURN_INTERVALS[interval];
  const last = burnBucketStart(interval, new Date(to.getTime() - 1));
  return (last.getTime() - burnBucketStart(interval, from).getTime()) / ms + 1;
}

type SeriesRow = {
  burnedBefore: string | null;
  start: Date | null;
  burned: string | null;
  burns: number | null;
  sold: string | null;
  boughtBack: string | null;
};

/**
 * The burns in [from, to) summed per bucket in the database (`date_bin` over `blockTime`; Decimal
 * sums come back as text, so no amount passes through a JS number), plus the running total before
 * `from`, in one query. Buckets without burns are filled in here as zeros, so a chart has no
 * holes. Callers bound the number of buckets ({@link countBurnBuckets}).
 */
export async function readBurnSeries(
  prisma: PrismaClient,
  query: { chainId: number; interval: BurnInterval; from: Date; to: Date },
): Promise<BurnBucket[]> {
  const { chainId, interval, from, to } = query;
  const rows = await prisma.$queryRaw<SeriesRow[]>(Prisma.sql`
    WITH sums AS (
      SELECT date_bin(${BURN_INTERVALS[interval].sql}::interval, "blockTime", ${BUCKET_ORIGIN}::timestamptz) AS "start",
        sum("amount")::text AS "burned",
        count(*)::int AS "burns",
        coalesce(sum("amount") FILTER (WHERE "reason" = 'sell'), 0)::text AS "sold",
        coalesce(sum("amount") FILTER (WHERE "reason" = 'buyback'), 0)::text AS "boughtBack"
      FROM "SoraBurn"
      WHERE "chainId" = ${chainId} AND "blockTime" >= ${from}::timestamptz AND "blockTime" < ${to}::timestamptz
      GROUP BY 1
    )
    SELECT (
        SELECT "totalBurned"::text FROM "SoraBurn"
        WHERE "chainId" = ${chainId} AND "blockTime" < ${from}::timestamptz
        ORDER BY "blockTime" DESC, "blockNumber" DESC, "logIndex" DESC LIMIT 1
      ) AS "burnedBefore", sums.*
    FROM (VALUES (1)) AS one LEFT JOIN sums ON true
    ORDER BY sums."start"`);

  const byStart = new Map(rows.filter((row) => row.start).map((row) => [row.start?.getTime(), row]));
  const { ms } = BURN_INTERVALS[interval];
  const buckets: BurnBucket[] = [];
  let totalBurned = rows[0]?.burnedBefore ? fromDecimal(rows[0].burnedBefore) : 0n;
  const count = countBurnBuckets(interval, from, to);
  for (let i = 0, start = burnBucketStart(interval, from).getTime(); i < count; i++, start += ms) {
    const row = byStart.get(start);
    const burned = row?.burned ? fromDecimal(row.burned) : 0n;
    totalBurned += burned;
    buckets.push({
      start: new Date(start),
      end: new Date(start + ms),
      burned,
      burns: row?.burns ?? 0,
      sold: row?.sold ? fromDecimal(row.sold) : 0n,
      boughtBack: row?.boughtBack ? fromDecimal(row.boughtBack) : 0n,
      totalBurned,
    });
  }
  return buckets;
}
