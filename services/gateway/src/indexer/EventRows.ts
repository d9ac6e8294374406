import type { Prisma } from "@luma-pulse/db";

/** The rows one chunk of blocks writes, one list per event table (keys are Prisma's model delegates). */
export interface EventRows {
  soraBurn: Prisma.SoraBurnCreateManyInput[];
  optionStake: Prisma.OptionStakeCreateManyInput[];
  optionClaim: Prisma.OptionClaimCreateManyInput[];
  optionEarlyRelease: Prisma.OptionEarlyReleaseCreateManyInput[];
  rebaseStake: Prisma.RebaseStakeCreateManyInput[];
  rebaseUnstake: Prisma.RebaseUnstakeCreateManyInput[];
  rebase: Prisma.RebaseCreateManyInput[];
  feeCollection: Prisma.FeeCollectionCreateManyInput[];
  buyback: Prisma.BuybackCreateManyInput[];
  soraQuotaGrant: Prisma.SoraQuotaGrantCreateManyInput[];
  soraTrade: Prisma.SoraTradeCreateManyInput[];
  poolSnapshot: Prisma.PoolSnapshotCreateManyInput[];
  parameterChange: Prisma.ParameterChangeCreateManyInput[];
}

/** An {@link EventRows} with every list empty. */
export function emptyEventRows(): EventRows {
  return {
    soraBurn: [],
    optionStake: [],
    optionClaim: [],
    optionEarlyRelease: [],
    rebaseStake: [],
    rebaseUnstake: [],
    rebase: [],
    feeCollection: [],
    buyback: [],
    soraQuotaGrant: [],
    soraTrade: [],
    poolSnapshot: [],
    parameterChange: [],
  };
}
