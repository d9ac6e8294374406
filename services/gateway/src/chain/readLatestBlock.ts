import type { Hash, PublicClient } from "viem";

/**
 * The block an answer is read at: its number (for every chain read), its hash (which tells a
 * reorged block of the same height apart) and its time.
 */
export type BlockRef = { number: bigint; hash: Hash; timestamp: Date; unixTime: bigint };

/** The chain's latest block, as every query's point of reference ("how fresh is this?"). */
export async function readLatestBlock(client: PublicClient): Promise<BlockRef> {
  const block = await client.getBlock({ blockTag: "latest" });
  return {
    number: block.number,
    hash: block.hash,
    timestamp: new Date(Number(block.timestamp) * 1000),
    unixTime: block.timestamp,
  };
}
