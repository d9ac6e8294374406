import { fromDecimal, type PrismaClient, toDecimal } from "@luma-pulse/db";
import type { EventKind, EventQuery, FeedEvent } from "./EventKind.ts";
import { comparePositions, whereAfter } from "./EventPosition.ts";
import { feedEventOf } from "./feedEventOf.ts";

/** A stake of either kind, measured in LUMA so that one threshold fits both. */
export interface StakeEvent extends FeedEvent {
  /** `option`: POP paired with LUMA into a position; `rebase`: LUMA staked for sLUMA. */
  kind: "option" | "rebase";
  staker: string;
  /** Option stakes: the position's principal; rebase stakes: the LUMA staked. */
  luma: bigint;
  /** Option stakes only: the POP staked. */
  pop?: bigint;
  /** Option stakes only. */
  positionId?: bigint;
}

/** Which stakes a subscriber wants. */
export interface StakeFilter {
  minLuma?: bigint;
}

const order = [{ blockNumber: "asc" }, { logIndex: "asc" }] as const;

async function read(prisma: PrismaClient, query: EventQuery<StakeFilter>): Promise<StakeEvent[]> {
  const where = whereAfter(query.chainId, query.after, query.through);
  const min = query.filter?.minLuma === undefined ? undefined : { gte: toDecimal(query.filter.minLuma) };
  // The first `limit` of the merged stream are among the first `limit` of each table.
  const [options, rebases] = await Promise.all([
    prisma.optionStake.findMany({
      where: { ...where, ...(min ? { principal: min } : {}) },
      orderBy: [...order],
      take: query.limit,
    }),
    prisma.rebaseStake.findMany({
      where: { ...where, ...(min ? { lumaAmount: min } : {}) },
      orderBy: [...order],
      take: query.limit,
    }),
  ]);
  const events: StakeEvent[] = [
    ...options.map((row) => ({
      ...feedEventOf(row),
      kind: "option" as const,
      staker: row.owner,
      luma: fromDecimal(row.principal),
      pop: fromDecimal(row.popAmount),
      positionId: row.positionId,
    })),
    ...rebases.map((row) => ({
      ...feedEventOf(row),
      kind: "rebase" as const,
      staker: row.account,
      luma: fromDecimal(row.lumaAmount),
    })),
  ];
  return events.sort((a, b) => comparePositions(a.position, b.position)).slice(0, query.limit);
}

/** Option and rebase stakes, optionally from a minimum LUMA value. */
export const stakeEvents: EventKind<StakeEvent, StakeFilter> = {
  stream: "stake",
  read,
  matches: (event, filter) => filter.minLuma === undefined || event.luma >= filter.minLuma,
};
