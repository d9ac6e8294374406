/**
 * The chain reorganised while a chunk was being read (a log's block hash or the chunk's last block
 * changed between requests). Retryable: the next sync checks the cursor and walks back if needed.
 */
export class ReorgDuringChunkError extends Error {
  override readonly name = "ReorgDuringChunkError";

  constructor(readonly blockNumber: bigint) {
    super(`The chain reorganised at block ${blockNumber} while it was being indexed; will retry.`);
  }
}
