import type { PrismaClient } from "./generated/prisma/client.ts";

/** Rows deleted per model by {@link rollbackAboveBlock}, keyed by model name. */
export type RollbackCounts = Record<string, number>;

/**
 * Deletes every row of `chainId` above `blockNumber` (the fork point, which stays) in one
 * transaction: all event tables, pool snapshots and the indexer's block list. The indexer then
 * moves its cursor back to the fork point and re-indexes. Every model but IndexerCursor must be
 * listed here (a test checks it): a missing table would keep rows of the abandoned fork.
 */
export async function rollbackAboveBlock(
  prisma: PrismaClient,
  chainId: number,
  blockNumber: bigint,
): Promise<RollbackCounts> {
  const where = { chainId, blockNumber: { gt: blockNumber } };
  const deletions = {
    SoraBurn: prisma.soraBurn.deleteMany({ where }),
    OptionStake: prisma.optionStake.deleteMany({ where }),
    OptionClaim: prisma.optionClaim.deleteMany({ where }),
    OptionEarlyRelease: prisma.optionEarlyRelease.deleteMany({ where }),
    RebaseStake: prisma.rebaseStake.deleteMany({ where }),
    RebaseUnstake: prisma.rebaseUnstake.deleteMany({ where }),
    Rebase: prisma.rebase.deleteMany({ where }),
    FeeCollection: prisma.feeCollection.deleteMany({ where }),
    Buyback: prisma.buyback.deleteMany({ where }),
    SoraQuotaGrant: prisma.soraQuotaGrant.deleteMany({ where }),
    SoraTrade: prisma.soraTrade.deleteMany({ where }),
    PoolSnapshot: prisma.poolSnapshot.deleteMany({ where }),
    ParameterChange: prisma.parameterChange.deleteMany({ where }),
    IndexedBlock: prisma.indexedBlock.deleteMany({ where: { chainId, number: { gt: blockNumber } } }),
  };
  const results = await prisma.$transaction(Object.values(deletions));
  return Object.fromEntries(Object.keys(deletions).map((model, i) => [model, results[i]?.count ?? 0]));
}
