import { fromDecimal, type PrismaClient } from "@luma-pulse/db";

/** How an option position was opened, from its indexed `Staked` event. */
export type OptionStakeRecord = {
  positionId: bigint;
  txHash: string;
  blockNumber: bigint;
  blockTime: Date;
  /** POP/LUMA LP tokens sent to the dead address by this stake: locked forever. */
  lpLocked: bigint;
};

/**
 * The indexed `Staked` rows of positions `positionIds`, in one query whatever their number (the
 * account query's DataLoader batches every position of a request into one call). Positions the
 * indexer has not reached yet are simply missing.
 */
export async function readAccountOptionStakes(
  prisma: PrismaClient,
  chainId: number,
  positionIds: readonly bigint[],
): Promise<OptionStakeRecord[]> {
  const rows = await prisma.optionStake.findMany({
    where: { chainId, positionId: { in: [...positionIds] } },
    select: { positionId: true, txHash: true, blockNumber: true, blockTime: true, lpLocked: true },
  });
  return rows.map((row) => ({ ...row, lpLocked: fromDecimal(row.lpLocked) }));
}
