import { fromDecimal, type PrismaClient } from "@luma-pulse/db";
import type { EventKind, EventQuery, FeedEvent } from "./EventKind.ts";
import { whereAfter } from "./EventPosition.ts";
import { feedEventOf } from "./feedEventOf.ts";

/** One rebase epoch (`Rebase`), as subscribers get it. */
export interface RebaseEvent extends FeedEvent {
  epoch: bigint;
  epochTime: Date;
  /** Index after the rebase, 18-decimal fixed point. */
  index: bigint;
  lumaMinted: bigint;
  totalStaked: bigint;
}

async function read(prisma: PrismaClient, query: EventQuery<Record<string, never>>): Promise<RebaseEvent[]> {
  const rows = await prisma.rebase.findMany({
    where: whereAfter(query.chainId, query.after, query.through),
    orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    take: query.limit,
  });
  return rows.map((row) => ({
    ...feedEventOf(row),
    epoch: row.epoch,
    epochTime: row.epochTime,
    index: fromDecimal(row.index),
    lumaMinted: fromDecimal(row.lumaMinted),
    totalStaked: fromDecimal(row.totalStaked),
  }));
}

/** Every rebase epoch (there is nothing to filter on). */
export const rebaseEvents: EventKind<RebaseEvent, Record<string, never>> = {
  stream: "rebase",
  read,
  matches: () => true,
};
