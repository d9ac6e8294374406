import { builder } from "../builder.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import type { GatewayContext } from "../context.ts";
import {
  BURN_INTERVALS,
  type BurnInterval,
  burnBucketStart,
  countBurnBuckets,
} from "../db/readBurnSeries.ts";
import { type RebaseHistoryPoint, readRebaseHistory } from "../db/readRebaseHistory.ts";
import { domainError } from "../errors/domainError.ts";
import { BlockRefType } from "./protocol.ts";

/** Most buckets (and so points) one `rebaseHistory` answers: the burn chart's bound. */
export const MAX_REBASE_BUCKETS = 1000;

/** How many buckets `rebaseHistory` covers when `from` is not given, per interval. */
const DEFAULT_BUCKETS: Record<BurnInterval, number> = { hour: 48, day: 30, week: 52 };

type RebaseHistory = {
  block: BlockRef;
  interval: BurnInterval;
  from: Date;
  to: Date;
  points: RebaseHistoryPoint[];
};

const RebaseIntervalType = builder.enumType("RebaseInterval", {
  description: "The width of a chart bucket, aligned in UTC (weeks start on Monday), as for burns.",
  values: { HOUR: { value: "hour" }, DAY: { value: "day" }, WEEK: { value: "week" } } as const,
});

const RebaseIndexPointType = builder.objectRef<RebaseHistoryPoint>("RebaseIndexPoint").implement({
  description: "The rebase index after the last rebase of one bucket, and the APY realised up to it.",
  fields: (t) => ({
    time: t.expose("time", { type: "DateTime", description: "When that epoch was due (chain time)." }),
    epoch: t.expose("epoch", { type: "BigInt" }),
    blockNumber: t.expose("blockNumber", { type: "BigInt", description: "The block that rebased it." }),
    index: t.expose("index", {
      type: "BigInt",
      description: "The index after this rebase, fixed point with 18 decimals (1e18 = 1.0).",
    }),
    realisedApyPercent: t.string({
      nullable: true,
      description:
        "Percent per year, two decimals: the index's growth since the point before (`since`), annualized " +
        "with compounding over the epochs' due times. Null for the first rebase ever.",
      resolve: (p) => p.realisedApyPercent ?? null,
    }),
    since: t.field({
      type: "DateTime",
      nullable: true,
      description: "Where `realisedApyPercent`'s window starts: the previous point (maybe before `from`).",
      resolve: (p) => p.since ?? null,
    }),
  }),
});

const RebaseHistoryType = builder.objectRef<RebaseHistory>("RebaseHistory").implement({
  description:
    "The sLUMA rebase index over time, from the indexed rebases: what an index or APY chart draws.",
  fields: (t) => ({
    block: t.expose("block", {
      type: BlockRefType,
      description: "The block the event index held when this was read: the history runs up to it.",
    }),
    interval: t.expose("interval", { type: RebaseIntervalType }),
    from: t.expose("from", { type: "DateTime", description: "Start of the first bucket (inclusive)." }),
    to: t.expose("to", { type: "DateTime", description: "End of the range (exclusive)." }),
    points: t.expose("points", {
      type: [RebaseIndexPointType],
      description: "Oldest first; buckets without a rebase have no point.",
    }),
  }),
});

/** `from` must come before `to`, and the range must fit in {@link MAX_REBASE_BUCKETS}. */
function resolveRange(interval: BurnInterval, at: BlockRef, from?: Date, to?: Date) {
  const { ms } = BURN_INTERVALS[interval];
  // Chain time, not the clock: the devnet runs ahead of it.
  const end = to ?? new Date(burnBucketStart(interval, at.timestamp).getTime() + ms);
  const last = burnBucketStart(interval, new Date(end.getTime() - 1)).getTime();
  const start = from ?? new Date(last - (DEFAULT_BUCKETS[interval] - 1) * ms);
  if (start.getTime() >= end.getTime()) {
    throw domainError("INVALID_TIME_RANGE", { from: start.toISOString(), to: end.toISOString() });
  }
  const buckets = countBurnBuckets(interval, start, end);
  if (buckets > MAX_REBASE_BUCKETS) {
    throw domainError("TOO_MANY_BUCKETS", { buckets, max: MAX_REBASE_BUCKETS, interval });
  }
  return { from: start, to: end };
}

async function loadHistory(
  ctx: GatewayContext,
  at: BlockRef,
  interval: BurnInterval,
  range: { from?: Date; to?: Date },
): Promise<RebaseHistory> {
  // Bad ranges are refused before the database is asked anything.
  const { from, to } = resolveRange(interval, at, range.from, range.to);
  const points = await readRebaseHistory(ctx.prisma, { chainId: ctx.manifest.chainId, interval, from, to });
  return { block: at, interval, from, to, points };
}

builder.queryField("rebaseHistory", (t) =>
  t.field({
    type: RebaseHistoryType,
    description:
      `The rebase index per hour, day or week, for a chart: the last rebase of each bucket from the one ` +
      `holding \`from\` to the one holding the last instant before \`to\` (at most ${MAX_REBASE_BUCKETS}), ` +
      `with the APY realised between points. Without \`to\`: through the bucket holding the indexed head. ` +
      `Without \`from\`: the last ${DEFAULT_BUCKETS.hour} hours, ${DEFAULT_BUCKETS.day} days or ` +
      `${DEFAULT_BUCKETS.week} weeks up to \`to\`.`,
    args: {
      interval: t.arg({ type: RebaseIntervalType, required: true, defaultValue: "day" }),
      from: t.arg({ type: "DateTime" }),
      to: t.arg({ type: "DateTime" }),
    },
    resolve: async (_, args, ctx) => {
      const snapshot = await ctx.chainHead.current();
      const range = { from: args.from ?? undefined, to: args.to ?? undefined };
      // A range of the caller's own: checked, then read for this request only.
      if (range.from || range.to) return loadHistory(ctx, snapshot.indexBlock, args.interval, range);
      // The chart a bot asks for: read once per index version for every request, kept warm.
      return snapshot.indexed(`rebaseHistory:${args.interval}`, (at) =>
        loadHistory(ctx, at, args.interval, range),
      );
    },
  }),
);
