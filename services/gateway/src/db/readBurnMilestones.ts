import { type PrismaClient, toDecimal } from "@luma-pulse/db";
import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";

export type BurnMilestone = { percent: number; reachedAt: Date; blockNumber: bigint; txHash: string };

/** The burned shares the community celebrates: every 10%, then every point from 70%. */
export const BURN_MILESTONE_PERCENTS = [
  10, 20, 30, 40, 50, 60, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 90,
];

/** When each milestone was crossed: the first burn whose running total reached it. */
export async function readBurnMilestones(prisma: PrismaClient, chainId: number): Promise<BurnMilestone[]> {
  const reached = await Promise.all(
    BURN_MILESTONE_PERCENTS.map(async (percent) => {
      const threshold = (SORA_MAX_SUPPLY * BigInt(percent)) / 100n;
      const burn = await prisma.soraBurn.findFirst({
        where: { chainId, totalBurned: { gte: toDecimal(threshold) } },
        orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
        select: { blockTime: true, blockNumber: true, txHash: true },
      });
      return (
        burn && { percent, reachedAt: burn.blockTime, blockNumber: burn.blockNumber, txHash: burn.txHash }
      );
    }),
  );
  return reached.filter((m): m is BurnMilestone => m !== null);
}
