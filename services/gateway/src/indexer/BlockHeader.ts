import type { Hash } from "viem";

/** What the indexer keeps of a block: enough to date its events and to detect a reorg. */
export interface BlockHeader {
  number: bigint;
  hash: Hash;
  parentHash: Hash;
  /** Unix seconds. */
  timestamp: bigint;
}
