import { type Hash, type Hex, hexToBigInt, numberToHex, type PublicClient } from "viem";
import type { BlockHeader } from "./BlockHeader.ts";

/** Requests per slice: with a batching http transport, one slice is one JSON-RPC batch. */
const SLICE = 250;
/** Slices in flight at once, so a backfill's thousands of headers are not fetched one round trip at a time. */
const PARALLEL_SLICES = 4;

type RawHeader = { number: Hex | null; hash: Hash | null; parentHash: Hash; timestamp: Hex } | null;

/**
 * Fetches the headers of `numbers` (give the client an http transport with `batch: true`, so each
 * slice travels as one JSON-RPC batch). Raw `eth_getBlockByNumber` without transactions, read for
 * the four fields kept: formatting whole blocks costs more than fetching them. Rejects if any block
 * is missing: the chain is shorter than the range being indexed, i.e. it just reorged.
 */
export async function fetchBlockHeaders(
  client: PublicClient,
  numbers: Iterable<bigint>,
): Promise<Map<bigint, BlockHeader>> {
  const wanted = [...new Set(numbers)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slices: bigint[][] = [];
  for (let i = 0; i < wanted.length; i += SLICE) slices.push(wanted.slice(i, i + SLICE));
  const headers = new Map<bigint, BlockHeader>();
  const worker = async () => {
    for (let slice = slices.shift(); slice; slice = slices.shift()) {
      const blocks = await Promise.all(slice.map((blockNumber) => getHeader(client, blockNumber)));
      for (const block of blocks) headers.set(block.number, block);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SLICES, slices.length) }, worker));
  return headers;
}

async function getHeader(client: PublicClient, blockNumber: bigint): Promise<BlockHeader> {
  const block = (await client.request({
    method: "eth_getBlockByNumber",
    params: [numberToHex(blockNumber), false],
  })) as RawHeader;
  if (!block) throw new Error(`Block ${blockNumber} is not on the chain (any more).`);
  if (block.number === null || block.hash === null) throw new Error("Got a pending block by number.");
  return {
    number: hexToBigInt(block.number),
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: hexToBigInt(block.timestamp),
  };
}
