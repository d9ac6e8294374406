import type { FeedEvent } from "./EventKind.ts";

/** Where an indexed event row sits and came from: the part every stream's events share. */
export function feedEventOf(row: {
  blockNumber: bigint;
  logIndex: number;
  blockHash: string;
  blockTime: Date;
  txHash: string;
}): FeedEvent {
  return {
    position: { blockNumber: row.blockNumber, logIndex: row.logIndex },
    blockHash: row.blockHash,
    blockTime: row.blockTime,
    txHash: row.txHash,
  };
}
