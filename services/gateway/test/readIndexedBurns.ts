import { fromDecimal, type PrismaClient } from "@luma-pulse/db";
import type { BurnTotal } from "./expectConsecutiveBurns.ts";

/** Every indexed SORA burn, oldest first, amounts as bigints: what {@link expectConsecutiveBurns} checks. */
export async function readIndexedBurns(prisma: PrismaClient): Promise<BurnTotal[]> {
  const burns = await prisma.soraBurn.findMany({ orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }] });
  return burns.map(({ txHash, logIndex, amount, totalBurned }) => ({
    txHash,
    logIndex,
    amount: fromDecimal(amount),
    totalBurned: fromDecimal(totalBurned),
  }));
}
