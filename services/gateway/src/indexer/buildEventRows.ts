import { BurnReason, TradeSide } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import { hexToString } from "viem";
import type { BlockHeader } from "./BlockHeader.ts";
import type { ProtocolEvent } from "./decodeProtocolLogs.ts";
import { type EventRows, emptyEventRows } from "./EventRows.ts";

/** What mapping events to rows needs besides the events. */
export interface EventRowContext {
  chainId: number;
  /** Every block that holds one of the events, by number. */
  headers: ReadonlyMap<bigint, BlockHeader>;
  contracts: DeploymentManifest["contracts"];
  /** Pool address (lowercase) → "TOKEN0/TOKEN1", for PoolSnapshot.name. */
  poolNames: ReadonlyMap<string, string>;
}

/**
 * Maps decoded events (in chain order) to the rows of their tables, column for column as
 * prisma/schema.prisma names them: uint256 as bigint, addresses and hashes lowercase,
 * times from the block. A pool's Syncs collapse to its last one in each block.
 */
export function buildEventRows(events: readonly ProtocolEvent[], context: EventRowContext): EventRows {
  const rows = emptyEventRows();
  const snapshots = new Map<string, EventRows["poolSnapshot"][number]>();
  for (const event of events) {
    const at = eventPosition(event, context);
    switch (event.eventName) {
      case "SoraBurned":
        rows.soraBurn.push({
          ...at,
          from: lower(event.args.from),
          amount: event.args.amount,
          reason: event.args.reason === 0 ? BurnReason.sell : BurnReason.buyback,
          totalBurned: event.args.totalBurned,
        });
        break;
      case "Staked":
        if ("positionId" in event.args) rows.optionStake.push({ ...at, ...optionStakeColumns(event.args) });
        else
          rows.rebaseStake.push({
            ...at,
            account: lower(event.args.account),
            ...decimals(event.args, ["lumaAmount", "shares", "index"]),
          });
        break;
      case "RewardClaimed":
        rows.optionClaim.push({
          ...at,
          positionId: event.args.positionId,
          owner: lower(event.args.owner),
          amount: event.args.amount,
        });
        break;
      case "EarlyReleased":
        rows.optionEarlyRelease.push({
          ...at,
          positionId: event.args.positionId,
          owner: lower(event.args.owner),
          ...decimals(event.args, [
            "vestedClaimed",
            "unvestedReleased",
            "fee",
            "feeToBuyback",
            "feeBurned",
            "paidOut",
          ]),
        });
        break;
      case "Unstaked":
        rows.rebaseUnstake.push({
          ...at,
          account: lower(event.args.account),
          ...decimals(event.args, ["sLumaAmount", "fee", "feeToBuyback", "feeBurned", "lumaOut"]),
        });
        break;
      case "Rebase":
        rows.rebase.push({
          ...at,
          epoch: event.args.epoch,
          epochTime: toDate(event.args.epochTime),
          ...decimals(event.args, ["index", "lumaMinted", "totalStaked"]),
        });
        break;
      case "FeeCollected":
        rows.feeCollection.push({
          ...at,
          source: lower(event.args.source),
          ...decimals(event.args, ["amount", "toBuyback", "lumaBurned"]),
        });
        break;
      case "Buyback":
        rows.buyback.push({
          ...at,
          caller: lower(event.args.caller),
          ...decimals(event.args, ["lumaIn", "soraBurned"]),
        });
        break;
      case "QuotaGranted":
        rows.soraQuotaGrant.push({
          ...at,
          account: lower(event.args.account),
          ...decimals(event.args, ["amount", "newQuota"]),
        });
        break;
      case "Swap": {
        const trade = soraTradeColumns(event, context.contracts);
        if (trade) rows.soraTrade.push({ ...at, ...trade });
        break;
      }
      case "Sync": {
        const name = context.poolNames.get(lower(event.address));
        if (name === undefined) break; // a Sync from a contract that is not one of the pools
        const { txHash: _t, logIndex: _l, ...block } = at;
        const pool = lower(event.address);
        // Later Syncs of the same block overwrite: the snapshot is the block's closing reserves.
        snapshots.set(`${pool}:${block.blockNumber}`, {
          ...block,
          pool,
          name,
          reserve0: event.args.reserve0,
          reserve1: event.args.reserve1,
        });
        break;
      }
      case "ParameterChanged":
        rows.parameterChange.push({
          ...at,
          contract: lower(event.address),
          name: hexToString(event.args.name, { size: 32 }),
          oldValue: event.args.oldValue,
          newValue: event.args.newValue,
        });
        break;
    }
  }
  rows.poolSnapshot = [...snapshots.values()];
  return rows;
}

/** The columns every event row starts with. */
function eventPosition(event: ProtocolEvent, context: EventRowContext) {
  const header = context.headers.get(event.blockNumber);
  if (!header) throw new Error(`Block ${event.blockNumber} of an event was not fetched.`);
  return {
    chainId: context.chainId,
    blockNumber: event.blockNumber,
    blockHash: lower(header.hash),
    blockTime: toDate(header.timestamp),
    txHash: lower(event.transactionHash),
    logIndex: event.logIndex,
  };
}

type OptionStakedArgs = Extract<
  Extract<ProtocolEvent, { eventName: "Staked" }>["args"],
  { popAmount: bigint }
>;

function optionStakeColumns(args: OptionStakedArgs) {
  return {
    positionId: args.positionId,
    owner: lower(args.owner),
    ...decimals(args, ["popAmount", "principal", "lpLocked", "soraQuota"]),
    dailyRateBps: toInt(args.dailyRateBps, "dailyRateBps"),
    capBps: toInt(args.capBps, "capBps"),
    releasePeriod: toInt(args.releasePeriod, "releasePeriod"),
    earlyFeeBps: toInt(args.earlyFeeBps, "earlyFeeBps"),
  };
}

/**
 * A user's trade from the SORA/LUMA pool's Swap (not SoraSold, which a sell emits as well: one row
 * per trade). The fee buyback's purchase is a Buyback row, so its Swap is not a trade.
 */
function soraTradeColumns(
  event: Extract<ProtocolEvent, { eventName: "Swap" }>,
  contracts: DeploymentManifest["contracts"],
) {
  if (event.contract !== "soraLumaPool") return undefined;
  const { sender, tokenIn, amountIn, amountOut } = event.args;
  if (lower(sender) === lower(contracts.feeBuyback)) return undefined;
  const sell = lower(tokenIn) === lower(contracts.sora);
  return {
    side: sell ? TradeSide.sell : TradeSide.buy,
    account: lower(sender),
    soraAmount: sell ? amountIn : amountOut,
    lumaAmount: sell ? amountOut : amountIn,
  };
}

/** The named uint256 arguments as the Decimal(78, 0) columns of the same names. */
function decimals<const K extends string>(args: Record<K, bigint>, keys: readonly K[]) {
  return Object.fromEntries(keys.map((key) => [key, args[key]])) as Record<K, bigint>;
}

function lower(value: string): string {
  return value.toLowerCase();
}

function toDate(unixSeconds: bigint): Date {
  return new Date(Number(unixSeconds) * 1000);
}

/** An Int column from a uint256 the contract bounds; a value beyond Int is a bug, not a row. */
function toInt(small: bigint, column: string): number {
  if (small > 2_147_483_647n) throw new RangeError(`${column} ${small} does not fit an Int column.`);
  return Number(small);
}
