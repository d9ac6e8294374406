import type { PrismaClient } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { Address, PublicClient } from "viem";
import type { BlockHeader } from "./BlockHeader.ts";
import { buildEventRows } from "./buildEventRows.ts";
import { decodeProtocolLogs } from "./decodeProtocolLogs.ts";
import type { EventRows } from "./EventRows.ts";
import { fetchBlockHeaders } from "./fetchBlockHeaders.ts";
import { fetchProtocolLogs } from "./fetchProtocolLogs.ts";
import { ReorgDuringChunkError } from "./ReorgDuringChunkError.ts";
import type { SqlWriter } from "./SqlWriter.ts";

/** The contracts whose events have tables; POP, LUMA, USDT and Multicall3 emit none of them. */
const EMITTERS = [
  "sora",
  "optionStaking",
  "rebaseStaking",
  "feeBuyback",
  "soraLumaPool",
  "popLumaPool",
  "lumaUsdtPool",
] as const;

/** What reading and writing a block range works with; the indexer builds it once. */
export interface RangeContext {
  prisma: PrismaClient;
  client: PublicClient;
  manifest: DeploymentManifest;
  cursorName: string;
  /** Where chunks are written (the cursor with them). */
  writer: SqlWriter;
  /** Pool names for snapshots, loaded on first need. */
  poolNames: () => Promise<ReadonlyMap<string, string>>;
  /** Wraps each RPC call in the indexer's retry policy. */
  retry: <T>(what: string, action: () => Promise<T>) => Promise<T>;
}

/** A block range read from the chain and checked, ready for {@link writeChunk}. */
export interface ReadChunk {
  from: bigint;
  to: bigint;
  rows: EventRows;
  /** Every header fetched (`from`, `to` and each block with events): the IndexedBlock rows. */
  blocks: BlockHeader[];
  /** The header of `to`, where the cursor moves once the chunk is written. */
  cursor: BlockHeader;
  /** Protocol logs in the range, for sizing the next chunk. */
  logCount: number;
}

/**
 * Reads blocks `from`..`to` (inclusive): one getLogs, then the headers of `from`, `to` and the
 * blocks with events. `parentHash` is the hash of block `from - 1` as indexed (undefined at the
 * start block): `from` must build on it, or the chain reorganised under the cursor since it was
 * checked. Every log's block hash must be the header's, and `to`'s hash must not move while the
 * range is read; so the rows all come from one chain.
 *
 * @throws {ReorgDuringChunkError} when the chain changed under or during the range
 */
export async function readBlockRange(
  context: RangeContext,
  range: { from: bigint; to: bigint; parentHash: string | undefined },
): Promise<ReadChunk> {
  const { from, to } = range;
  const { client, manifest, retry } = context;
  // `to`'s hash before and after the reads: if it moved, the logs may come from the abandoned fork.
  const before = await retry(`block ${to}`, () => fetchBlockHeaders(client, [to]));
  const addresses: Address[] = EMITTERS.map((name) => manifest.contracts[name]);
  const logs = await retry(`logs ${from}-${to}`, () => fetchProtocolLogs(client, addresses, from, to));
  const events = decodeProtocolLogs(logs, manifest.contracts);
  // `from` links the chunk to what is indexed; at the start block its hash is what tells a replaced chain.
  const wanted = new Set(events.map((event) => event.blockNumber)).add(from).add(to);
  const headers = await retry(`blocks ${from}-${to}`, () => fetchBlockHeaders(client, wanted));

  const cursor = headers.get(to);
  if (!cursor || cursor.hash !== before.get(to)?.hash) throw new ReorgDuringChunkError(to);
  const first = headers.get(from);
  if (range.parentHash !== undefined && first?.parentHash.toLowerCase() !== range.parentHash) {
    throw new ReorgDuringChunkError(from - 1n);
  }
  for (const event of events) {
    if (headers.get(event.blockNumber)?.hash !== event.blockHash)
      throw new ReorgDuringChunkError(event.blockNumber);
  }
  const needsPools = events.some((event) => event.eventName === "Sync");
  const rows = buildEventRows(events, {
    chainId: manifest.chainId,
    headers,
    contracts: manifest.contracts,
    poolNames: needsPools ? await context.poolNames() : new Map(),
  });
  return { from, to, rows, blocks: [...headers.values()], cursor, logCount: logs.length };
}
