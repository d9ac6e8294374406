import type { PrismaClient } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { Address, PublicClient } from "viem";
import type { BlockHeader } from "./BlockHeader.ts";
import { buildEventRows } from "./buildEventRows.ts";
import { decodeProtocolLogs } from "./decodeProtocolLogs.ts";
import { fetchBlockHeaders } from "./fetchBlockHeaders.ts";
import { fetchProtocolLogs } from "./fetchProtocolLogs.ts";
import { ReorgDuringChunkError } from "./ReorgDuringChunkError.ts";
import { writeChunk } from "./writeChunk.ts";

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

/** What {@link indexBlockRange} works with; the indexer builds it once. */
export interface RangeContext {
  prisma: PrismaClient;
  client: PublicClient;
  manifest: DeploymentManifest;
  cursorName: string;
  /** Pool names for snapshots, loaded on first need. */
  poolNames: () => Promise<ReadonlyMap<string, string>>;
  /** Wraps each RPC call in the indexer's retry policy. */
  retry: <T>(what: string, action: () => Promise<T>) => Promise<T>;
}

/**
 * Indexes blocks `from`..`to` (inclusive): one getLogs, the headers of `from`, `to` and the blocks
 * with events, then one write transaction that also moves the cursor to `to`. `parentHash` is the
 * hash of block `from - 1` as already indexed (undefined at the start block): `from` must build on
 * it, or the chain reorganised under the cursor since it was checked.
 *
 * @returns the event rows inserted and the header the cursor now points at
 * @throws {ReorgDuringChunkError} when the chain changed under or during the chunk; nothing is written
 */
export async function indexBlockRange(
  context: RangeContext,
  range: { from: bigint; to: bigint; parentHash: string | undefined },
): Promise<{ rows: number; cursor: BlockHeader }> {
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
  const written = await writeChunk(context.prisma, {
    chainId: manifest.chainId,
    cursorName: context.cursorName,
    rows,
    blocks: [...headers.values()],
    cursor,
  });
  return { rows: written, cursor };
}
