import { Prisma, type PrismaClient } from "@luma-pulse/db";
import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";

export type BurnMilestone = { percent: number; reachedAt: Date; blockNumber: bigint; txHash: string };

/** The burned shares the community celebrates: every 10%, then every point from 70%. */
export const BURN_MILESTONE_PERCENTS = [
  10, 20, 30, 40, 50, 60, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 90,
];

type MilestoneRow = { percent: number; blockTime: Date; blockNumber: bigint; txHash: string };

/**
 * When each milestone was crossed: the first burn whose running total reached it, in one query.
 *
 * The running total only grows, so "the first burn at or past the threshold" is "the burn with the
 * lowest totalBurned >= threshold" (ties broken by chain order): one probe of the
 * (chainId, totalBurned) index per threshold, joined LATERAL over a VALUES list of thresholds.
 * Milestones not reached yet have no burn and drop out of the inner join.
 */
export async function readBurnMilestones(prisma: PrismaClient, chainId: number): Promise<BurnMilestone[]> {
  const thresholds = Prisma.join(
    BURN_MILESTONE_PERCENTS.map(
      (percent) =>
        // Thresholds go as decimal strings: a JS number cannot hold 18-decimal amounts exactly.
        Prisma.sql`(${percent}::int, ${((SORA_MAX_SUPPLY * BigInt(percent)) / 100n).toString()}::numeric)`,
    ),
  );
  const rows = await prisma.$queryRaw<MilestoneRow[]>(Prisma.sql`
    SELECT m.percent, b."blockTime", b."blockNumber", b."txHash"
    FROM (VALUES ${thresholds}) AS m(percent, threshold)
    CROSS JOIN LATERAL (
      SELECT "blockTime", "blockNumber", "txHash" FROM "SoraBurn"
      WHERE "chainId" = ${chainId} AND "totalBurned" >= m.threshold
      ORDER BY "totalBurned", "blockNumber", "logIndex"
      LIMIT 1
    ) AS b
    ORDER BY m.percent`);
  return rows.map((row) => ({
    percent: row.percent,
    reachedAt: row.blockTime,
    blockNumber: row.blockNumber,
    txHash: row.txHash,
  }));
}
