import { BlockNotFoundError, type Hash, type PublicClient } from "viem";

/** The chain's hash at `blockNumber`, or undefined when the chain is not that long (any more). */
export async function getBlockHash(client: PublicClient, blockNumber: bigint): Promise<Hash | undefined> {
  try {
    const block = await client.getBlock({ blockNumber });
    return block.hash ?? undefined;
  } catch (error) {
    // After a reorg to a shorter chain (anvil's evm_revert) the indexed tip may not exist: that is a
    // mismatch to walk back from, not an RPC failure to retry.
    if (error instanceof BlockNotFoundError) return undefined;
    throw error;
  }
}
