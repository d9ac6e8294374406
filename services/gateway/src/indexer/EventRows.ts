import type {
  Buyback,
  FeeCollection,
  OptionClaim,
  OptionEarlyRelease,
  OptionStake,
  ParameterChange,
  PoolSnapshot,
  Prisma,
  Rebase,
  RebaseStake,
  RebaseUnstake,
  SoraBurn,
  SoraQuotaGrant,
  SoraTrade,
} from "@luma-pulse/db";

/**
 * A model's row as the indexer writes it: every column but the generated id, with uint256 columns
 * as bigint (written as exact decimal text, so no Decimal object is built per value).
 */
export type RowOf<Model> = {
  [K in Exclude<keyof Model, "id">]: Model[K] extends Prisma.Decimal ? bigint : Model[K];
};

/** The rows one chunk of blocks writes, one list per event table (keys are Prisma's model delegates). */
export interface EventRows {
  soraBurn: RowOf<SoraBurn>[];
  optionStake: RowOf<OptionStake>[];
  optionClaim: RowOf<OptionClaim>[];
  optionEarlyRelease: RowOf<OptionEarlyRelease>[];
  rebaseStake: RowOf<RebaseStake>[];
  rebaseUnstake: RowOf<RebaseUnstake>[];
  rebase: RowOf<Rebase>[];
  feeCollection: RowOf<FeeCollection>[];
  buyback: RowOf<Buyback>[];
  soraQuotaGrant: RowOf<SoraQuotaGrant>[];
  soraTrade: RowOf<SoraTrade>[];
  poolSnapshot: RowOf<PoolSnapshot>[];
  parameterChange: RowOf<ParameterChange>[];
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
