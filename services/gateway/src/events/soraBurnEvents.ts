import { fromDecimal, type PrismaClient, toDecimal } from "@luma-pulse/db";
import type { EventKind, EventQuery, FeedEvent } from "./EventKind.ts";
import { whereAfter } from "./EventPosition.ts";
import { feedEventOf } from "./feedEventOf.ts";

/** A SORA burn (`SoraBurned`), as subscribers get it. */
export interface SoraBurnEvent extends FeedEvent {
  from: string;
  amount: bigint;
  reason: "sell" | "buyback";
  /** Running total burned after this burn. */
  totalBurned: bigint;
}

/** Which burns a subscriber wants. */
export interface SoraBurnFilter {
  minAmount?: bigint;
  reason?: "sell" | "buyback";
}

async function read(prisma: PrismaClient, query: EventQuery<SoraBurnFilter>): Promise<SoraBurnEvent[]> {
  const { minAmount, reason } = query.filter ?? {};
  const rows = await prisma.soraBurn.findMany({
    where: {
      ...whereAfter(query.chainId, query.after, query.through),
      ...(minAmount === undefined ? {} : { amount: { gte: toDecimal(minAmount) } }),
      ...(reason === undefined ? {} : { reason }),
    },
    orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    take: query.limit,
  });
  return rows.map((row) => ({
    ...feedEventOf(row),
    from: row.from,
    amount: fromDecimal(row.amount),
    reason: row.reason,
    totalBurned: fromDecimal(row.totalBurned),
  }));
}

/** SORA burns, optionally from a minimum amount and of one reason. */
export const soraBurnEvents: EventKind<SoraBurnEvent, SoraBurnFilter> = {
  stream: "burn",
  read,
  matches: (event, filter) =>
    (filter.minAmount === undefined || event.amount >= filter.minAmount) &&
    (filter.reason === undefined || event.reason === filter.reason),
};
