import type { EventRows } from "./EventRows.ts";

/** The PostgreSQL type a column's values are sent as (one array parameter per column). */
export type ColumnType =
  | "int"
  | "bigint"
  | "text"
  | "timestamptz"
  | "numeric"
  | '"BurnReason"'
  | '"TradeSide"';

/** A table and the type of each column the indexer writes: every key of the row, so none is forgotten. */
export type TableSpec<Row> = { table: string; columns: { [K in keyof Row]-?: ColumnType } };

const position = {
  chainId: "int",
  blockNumber: "bigint",
  blockHash: "text",
  blockTime: "timestamptz",
  txHash: "text",
  logIndex: "int",
} as const;

/**
 * Each event table as prisma/schema.prisma and its migration define it (tables and columns carry
 * the model's and fields' names). Decimal(78, 0) columns travel as `numeric` text, exact.
 */
export const eventTables: { [K in keyof EventRows]: TableSpec<EventRows[K][number]> } = {
  soraBurn: {
    table: "SoraBurn",
    columns: { ...position, from: "text", amount: "numeric", reason: '"BurnReason"', totalBurned: "numeric" },
  },
  optionStake: {
    table: "OptionStake",
    columns: {
      ...position,
      positionId: "bigint",
      owner: "text",
      popAmount: "numeric",
      principal: "numeric",
      lpLocked: "numeric",
      soraQuota: "numeric",
      dailyRateBps: "int",
      capBps: "int",
      releasePeriod: "int",
      earlyFeeBps: "int",
    },
  },
  optionClaim: {
    table: "OptionClaim",
    columns: { ...position, positionId: "bigint", owner: "text", amount: "numeric" },
  },
  optionEarlyRelease: {
    table: "OptionEarlyRelease",
    columns: {
      ...position,
      positionId: "bigint",
      owner: "text",
      vestedClaimed: "numeric",
      unvestedReleased: "numeric",
      fee: "numeric",
      feeToBuyback: "numeric",
      feeBurned: "numeric",
      paidOut: "numeric",
    },
  },
  rebaseStake: {
    table: "RebaseStake",
    columns: { ...position, account: "text", lumaAmount: "numeric", shares: "numeric", index: "numeric" },
  },
  rebaseUnstake: {
    table: "RebaseUnstake",
    columns: {
      ...position,
      account: "text",
      sLumaAmount: "numeric",
      fee: "numeric",
      feeToBuyback: "numeric",
      feeBurned: "numeric",
      lumaOut: "numeric",
    },
  },
  rebase: {
    table: "Rebase",
    columns: {
      ...position,
      epoch: "bigint",
      epochTime: "timestamptz",
      index: "numeric",
      lumaMinted: "numeric",
      totalStaked: "numeric",
    },
  },
  feeCollection: {
    table: "FeeCollection",
    columns: { ...position, source: "text", amount: "numeric", toBuyback: "numeric", lumaBurned: "numeric" },
  },
  buyback: {
    table: "Buyback",
    columns: { ...position, caller: "text", lumaIn: "numeric", soraBurned: "numeric" },
  },
  soraQuotaGrant: {
    table: "SoraQuotaGrant",
    columns: { ...position, account: "text", amount: "numeric", newQuota: "numeric" },
  },
  soraTrade: {
    table: "SoraTrade",
    columns: {
      ...position,
      side: '"TradeSide"',
      account: "text",
      soraAmount: "numeric",
      lumaAmount: "numeric",
    },
  },
  poolSnapshot: {
    table: "PoolSnapshot",
    columns: {
      chainId: "int",
      pool: "text",
      name: "text",
      blockNumber: "bigint",
      blockHash: "text",
      blockTime: "timestamptz",
      reserve0: "numeric",
      reserve1: "numeric",
    },
  },
  parameterChange: {
    table: "ParameterChange",
    columns: {
      ...position,
      contract: "text",
      name: "text",
      oldValue: "numeric",
      newValue: "numeric",
    },
  },
};
