import type { PrismaClient } from "@luma-pulse/db";
import type { Hash } from "viem";

/** Stored blocks compared in one step before the walk turns into a binary search. */
const SHALLOW = 16;

/**
 * The highest indexed block that the chain still has (same number, same hash): everything up to it
 * is valid, because a block hash commits to all its ancestors — which also makes "still on the
 * chain" monotonic over the stored blocks, so a deep fork is found by binary search. The newest
 * `SHALLOW` stored blocks below `below` are compared in one batch first: a reorg is almost always
 * that shallow. Returns `startBlock - 1n` when nothing matches ("roll everything back"), which is
 * also the answer, after one look, when the stored start block differs: another chain under the same
 * id (a re-seeded devnet), whose history is not worth walking.
 */
export async function findForkPoint(options: {
  prisma: PrismaClient;
  chainId: number;
  startBlock: bigint;
  below: bigint;
  hashAt: (blockNumber: bigint) => Promise<Hash | undefined>;
}): Promise<bigint> {
  const { prisma, chainId, startBlock, hashAt } = options;
  const nothing = startBlock - 1n;
  const onChain = async (block: { number: bigint; hash: string }) =>
    (await hashAt(block.number))?.toLowerCase() === block.hash;
  const start = await prisma.indexedBlock.findUnique({
    where: { chainId_number: { chainId, number: startBlock } },
  });
  if (start && !(await onChain(start))) return nothing;

  const where = { chainId, number: { lt: options.below, gte: startBlock } };
  const newest = await prisma.indexedBlock.findMany({ where, orderBy: { number: "desc" }, take: SHALLOW });
  const matches = await Promise.all(newest.map(onChain));
  const shallow = newest.find((_, i) => matches[i]);
  if (shallow) return shallow.number;
  const oldestChecked = newest.at(-1)?.number ?? startBlock;

  // Binary search over the older stored blocks, in number order: the last one still on the chain.
  const older = { chainId, number: { lt: oldestChecked, gte: startBlock } };
  let low = 0;
  let high = (await prisma.indexedBlock.count({ where: older })) - 1;
  let found = nothing;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const block = await prisma.indexedBlock.findFirstOrThrow({
      where: older,
      orderBy: { number: "asc" },
      skip: middle,
    });
    if (await onChain(block)) {
      found = block.number;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
