import { type PrismaClient, rollbackAboveBlock } from "@luma-pulse/db";
import type { PublicClient } from "viem";
import { findForkPoint } from "./findForkPoint.ts";
import { getBlockHash } from "./getBlockHash.ts";

/** The last indexed block, which the next chunk must build on. */
export interface IndexedTip {
  number: bigint;
  /** Lowercase. */
  hash: string;
}

/**
 * Checks the cursor's block against the chain before the indexer extends it. When the hash still
 * matches, returns the cursor's block. Otherwise (a reorg, or another chain under the same id) walks
 * back to the fork point, rolls every table back above it, moves the cursor there (or deletes it when
 * nothing survives) and returns it. Returns undefined when nothing is indexed.
 */
export async function reconcileCursor(options: {
  prisma: PrismaClient;
  client: PublicClient;
  chainId: number;
  cursorName: string;
  startBlock: bigint;
  retry: <T>(what: string, action: () => Promise<T>) => Promise<T>;
  log: (message: string) => void;
}): Promise<IndexedTip | undefined> {
  const { prisma, client, chainId, cursorName, startBlock, retry } = options;
  const where = { chainId_name: { chainId, name: cursorName } };
  const cursor = await prisma.indexerCursor.findUnique({ where });
  if (!cursor) return undefined;
  const hashAt = (blockNumber: bigint) =>
    retry(`block ${blockNumber}`, () => getBlockHash(client, blockNumber));
  const current = await hashAt(cursor.lastBlockNumber);
  if (current?.toLowerCase() === cursor.lastBlockHash) {
    return { number: cursor.lastBlockNumber, hash: cursor.lastBlockHash };
  }

  const forkPoint = await findForkPoint({
    prisma,
    chainId,
    startBlock,
    below: cursor.lastBlockNumber,
    hashAt,
  });
  const removed = await rollbackAboveBlock(prisma, chainId, forkPoint);
  const rows = Object.entries(removed).reduce(
    (sum, [model, count]) => sum + (model === "IndexedBlock" ? 0 : count),
    0,
  );
  const kept = await prisma.indexedBlock.findUnique({
    where: { chainId_number: { chainId, number: forkPoint } },
  });
  if (kept) {
    await prisma.indexerCursor.update({
      where,
      data: { lastBlockNumber: kept.number, lastBlockHash: kept.hash },
    });
  } else {
    await prisma.indexerCursor.delete({ where });
  }
  options.log(
    forkPoint < startBlock
      ? `indexer: block ${cursor.lastBlockNumber} is not on this chain and neither is the start block: the chain was replaced; removed ${rows} rows, re-indexing from block ${startBlock}`
      : `indexer: reorg below block ${cursor.lastBlockNumber}; fork point ${forkPoint}, removed ${rows} rows, re-indexing from ${forkPoint + 1n}`,
  );
  return kept ? { number: kept.number, hash: kept.hash } : undefined;
}
