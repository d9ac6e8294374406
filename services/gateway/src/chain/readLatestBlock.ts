import type { PublicClient } from "viem";

/** The block an answer is read at: its number (for every chain read) and its time. */
export type BlockRef = { number: bigint; timestamp: Date; unixTime: bigint };

/** The chain's latest block, as every query's point of reference ("how fresh is this?"). */
export async function readLatestBlock(client: PublicClient): Promise<BlockRef> {
  const block = await client.getBlock();
  return {
    number: block.number,
    timestamp: new Date(Number(block.timestamp) * 1000),
    unixTime: block.timestamp,
  };
}
