import type { PublicClient } from "viem";
import type { BlockHeader } from "./BlockHeader.ts";

/** Requests in flight at once: with a batching http transport, one slice is one HTTP round trip. */
const CONCURRENCY = 200;

/**
 * Fetches the headers of `numbers`, `CONCURRENCY` at a time (give the client an http transport with
 * `batch: true`, so each slice travels as one JSON-RPC batch). Rejects if any block is missing:
 * the chain is shorter than the range being indexed, i.e. it just reorged.
 */
export async function fetchBlockHeaders(
  client: PublicClient,
  numbers: Iterable<bigint>,
): Promise<Map<bigint, BlockHeader>> {
  const wanted = [...new Set(numbers)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const headers = new Map<bigint, BlockHeader>();
  for (let i = 0; i < wanted.length; i += CONCURRENCY) {
    const slice = wanted.slice(i, i + CONCURRENCY);
    const blocks = await Promise.all(slice.map((blockNumber) => client.getBlock({ blockNumber })));
    for (const block of blocks) {
      if (block.number === null || block.hash === null) throw new Error("Got a pending block by number.");
      headers.set(block.number, {
        number: block.number,
        hash: block.hash,
        parentHash: block.parentHash,
        timestamp: block.timestamp,
      });
    }
  }
  return headers;
}
