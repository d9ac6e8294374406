import type { BurnReason } from "@luma-pulse/db";
import { getAddress } from "viem";
import { builder } from "../builder.ts";
import { readBurnCount } from "../db/readBurnCount.ts";
import { type BurnFilter, type BurnPosition, type BurnRecord, readBurnPage } from "../db/readBurnPage.ts";
import {
  BURN_INTERVALS,
  type BurnBucket,
  type BurnInterval,
  burnBucketStart,
  countBurnBuckets,
  readBurnSeries,
} from "../db/readBurnSeries.ts";
import { domainError } from "../errors/domainError.ts";
import { assertPageSize } from "../protection/assertPageSize.ts";
import { SoraStatsType } from "./sora.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

/** Most buckets one `burnSeries` answers: a year of days, about six weeks of hours. */
export const MAX_BURN_BUCKETS = 1000;

/** How many buckets `burnSeries` returns when `from` is not given, per interval. */
const DEFAULT_BUCKETS: Record<BurnInterval, number> = { hour: 48, day: 30, week: 52 };

const CURSOR_PATTERN = /^burn:(0|[1-9]\d{0,19}):(0|[1-9]\d{0,9})$/;
const MAX_LOG_INDEX = 2 ** 31 - 1;

/**
 * A burn's opaque cursor: base64url of `burn:<blockNumber>:<logIndex>`, its place in chain order.
 * The same text as the `id` of a `soraBurned` subscription event, so a client can page the history,
 * then subscribe after its newest burn.
 */
export function encodeBurnCursor(position: BurnPosition): string {
  return Buffer.from(`burn:${position.blockNumber}:${position.logIndex}`).toString("base64url");
}

/** The position behind a cursor from {@link encodeBurnCursor}; anything else is INVALID_CURSOR. */
export function decodeBurnCursor(cursor: string): BurnPosition {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const position = match && { blockNumber: BigInt(match[1] ?? ""), logIndex: Number(match[2]) };
  // Re-encoding rejects look-alikes (padding, the other base64 alphabet) that decode to the same text.
  if (!position || position.logIndex > MAX_LOG_INDEX || encodeBurnCursor(position) !== cursor) {
    throw domainError("INVALID_CURSOR", { value: cursor });
  }
  return position;
}

/** `from` must come before `to` when both are given: an empty or inverted range is a mistake. */
function assertTimeRange(from: Date | undefined, to: Date | undefined): void {
  if (from && to && from.getTime() >= to.getTime()) {
    throw domainError("INVALID_TIME_RANGE", { from: from.toISOString(), to: to.toISOString() });
  }
}

/** An amount filter: whole base units (the BigInt scalar already refuses fractions), not negative. */
function assertMinAmount(value: bigint | null | undefined): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0n) throw domainError("AMOUNT_OUT_OF_RANGE", { name: "minAmount", value: value.toString() });
  return value;
}

/** The API's enum for `BurnReason`. */
export const BurnReasonType = builder.enumType("BurnReason", {
  description: "Why SORA was burned: a user's sell into the pool, or the buyback paid by staking fees.",
  values: {
    SELL: { value: "sell", description: "SORA sold into the SORA/LUMA pool is burned." },
    BUYBACK: { value: "buyback", description: "Fee LUMA bought SORA from the pool, which was burned." },
  } as const,
});

/** One burn of the history. */
export const SoraBurnType = builder.objectRef<BurnRecord>("SoraBurn").implement({
  description: "One SORA burn, as the chain emitted it (`SoraBurned`).",
  fields: (t) => ({
    amount: t.field({ type: TokenAmountType, resolve: (b) => tokenAmount(b.amount, "SORA") }),
    reason: t.field({ type: BurnReasonType, resolve: (b) => b.reason }),
    totalBurned: t.field({
      type: TokenAmountType,
      description: "Total SORA burned after this burn (the running total the event carries).",
      resolve: (b) => tokenAmount(b.totalBurned, "SORA"),
    }),
    from: t.field({
      type: "Address",
      description: "Whose SORA was burned: the seller, or the buyback contract.",
      resolve: (b) => getAddress(b.from),
    }),
    blockNumber: t.expose("blockNumber", { type: "BigInt" }),
    time: t.field({ type: "DateTime", description: "The block's time.", resolve: (b) => b.blockTime }),
    txHash: t.exposeString("txHash"),
    logIndex: t.exposeInt("logIndex"),
  }),
});

type SoraBurnPage = {
  edges: { cursor: string; node: BurnRecord }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Counted only when asked: it is the one part of a page whose cost grows with the history. */
  totalCount: () => Promise<number>;
};

const SoraBurnConnectionType = builder.connectionObject<
  typeof SoraBurnType,
  SoraBurnPage,
  { list: false; items: false },
  false
>(
  {
    type: SoraBurnType,
    name: "SoraBurnConnection",
    edgesNullable: { list: false, items: false },
    nodeNullable: false,
    fields: (t) => ({
      totalCount: t.int({
        description: "How many burns match the filters, on all pages together.",
        resolve: (page) => page.totalCount(),
      }),
    }),
  },
  { name: "SoraBurnEdge" },
);

builder.objectField(SoraStatsType, "burns", (t) =>
  t.field({
    type: SoraBurnConnectionType,
    description:
      "Every indexed burn, newest first, as a Relay connection: pass `pageInfo.endCursor` as `after` for the " +
      "next page. Cursors stay valid as new burns arrive. Filters combine; `from` is inclusive, `to` exclusive.",
    args: {
      first: t.arg.int({ description: "Page size, 1 to 100.", defaultValue: 20 }),
      after: t.arg.string({ description: "Return the burns after (older than) this cursor." }),
      reason: t.arg({ type: BurnReasonType }),
      minAmount: t.arg({ type: "BigInt", description: "Only burns of at least this many base units." }),
      from: t.arg({ type: "DateTime", description: "Only burns at or after this instant (chain time)." }),
      to: t.arg({ type: "DateTime", description: "Only burns before this instant (chain time)." }),
    },
    resolve: async (sora, args, ctx) => {
      // Every argument is checked before the database is asked anything.
      const first = assertPageSize(args.first);
      const after = args.after == null ? undefined : decodeBurnCursor(args.after);
      const filter: BurnFilter = {
        reason: (args.reason ?? undefined) as BurnReason | undefined,
        minAmount: assertMinAmount(args.minAmount),
        from: args.from ?? undefined,
        to: args.to ?? undefined,
      };
      assertTimeRange(filter.from, filter.to);
      // One row more than asked tells whether there is a next page.
      const rows = await readBurnPage(ctx.prisma, {
        ...filter,
        chainId: sora.chainId,
        after,
        limit: first + 1,
      });
      const edges = rows.slice(0, first).map((node) => ({ cursor: encodeBurnCursor(node), node }));
      let count: Promise<number> | undefined;
      return {
        edges,
        pageInfo: {
          hasNextPage: rows.length > first,
          // Forward paging only: a page after a cursor has that cursor's burn before it.
          hasPreviousPage: after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: () => {
          count ??= readBurnCount(ctx.prisma, sora.chainId, filter);
          return count;
        },
      } satisfies SoraBurnPage;
    },
  }),
);

const BurnIntervalType = builder.enumType("BurnInterval", {
  description: "The width of a chart bucket, aligned in UTC (weeks start on Monday).",
  values: { HOUR: { value: "hour" }, DAY: { value: "day" }, WEEK: { value: "week" } } as const,
});

const SoraBurnBucketType = builder.objectRef<BurnBucket>("SoraBurnBucket").implement({
  description: "SORA burned in one bucket of time; buckets without burns are zeros.",
  fields: (t) => ({
    start: t.expose("start", { type: "DateTime" }),
    end: t.expose("end", { type: "DateTime", description: "Where the next bucket starts." }),
    burned: t.field({ type: TokenAmountType, resolve: (b) => tokenAmount(b.burned, "SORA") }),
    burns: t.exposeInt("burns", { description: "How many burns." }),
    burnedBySells: t.field({ type: TokenAmountType, resolve: (b) => tokenAmount(b.sold, "SORA") }),
    burnedByBuybacks: t.field({ type: TokenAmountType, resolve: (b) => tokenAmount(b.boughtBack, "SORA") }),
    totalBurned: t.field({
      type: TokenAmountType,
      description: "Total SORA burned since launch at the bucket's end (at `to` for the last bucket).",
      resolve: (b) => tokenAmount(b.totalBurned, "SORA"),
    }),
  }),
});

builder.objectField(SoraStatsType, "burnSeries", (t) =>
  t.field({
    type: [SoraBurnBucketType],
    description:
      `SORA burned per hour, day or week, for a chart: buckets from the one holding \`from\` to the one holding ` +
      `the last instant before \`to\` (at most ${MAX_BURN_BUCKETS}); only burns in [from, to) count. Without ` +
      `\`to\`: through the bucket holding the chain's latest block. Without \`from\`: the last ` +
      `${DEFAULT_BUCKETS.hour} hours, ${DEFAULT_BUCKETS.day} days or ${DEFAULT_BUCKETS.week} weeks up to \`to\`.`,
    args: {
      interval: t.arg({ type: BurnIntervalType, required: true, defaultValue: "day" }),
      from: t.arg({ type: "DateTime" }),
      to: t.arg({ type: "DateTime" }),
    },
    resolve: async (sora, args, ctx) => {
      const interval = args.interval;
      const { ms } = BURN_INTERVALS[interval];
      // Chain time, not the clock: the devnet runs ahead of it.
      const to = args.to ?? new Date(burnBucketStart(interval, sora.block.timestamp).getTime() + ms);
      const from =
        args.from ??
        new Date(
          burnBucketStart(interval, new Date(to.getTime() - 1)).getTime() -
            (DEFAULT_BUCKETS[interval] - 1) * ms,
        );
      assertTimeRange(from, to);
      const buckets = countBurnBuckets(interval, from, to);
      if (buckets > MAX_BURN_BUCKETS) {
        throw domainError("TOO_MANY_BUCKETS", { buckets, max: MAX_BURN_BUCKETS, interval });
      }
      return readBurnSeries(ctx.prisma, { chainId: sora.chainId, interval, from, to });
    },
  }),
);
