import type { PrismaClient } from "@luma-pulse/db";
import { assertManifestChain, type DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import { describeError } from "./describeError.ts";
import { indexBlockRange, type RangeContext } from "./indexBlockRange.ts";
import { ReorgDuringChunkError } from "./ReorgDuringChunkError.ts";
import { readPoolNames } from "./readPoolNames.ts";
import { reconcileCursor } from "./reconcileCursor.ts";
import { sleep } from "./sleep.ts";
import { defaultRetryPolicy, type RetryPolicy, withRetry } from "./withRetry.ts";

/** What {@link createIndexer} needs. */
export interface IndexerOptions {
  prisma: PrismaClient;
  /** Give it an http transport with `batch: true`: block headers are fetched in parallel slices. */
  client: PublicClient;
  manifest: DeploymentManifest;
  /** Blocks per getLogs call and per write transaction. Default 2000. */
  chunkSize?: number;
  /** Wait between polls of the head once caught up. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Retries of a failing RPC call before a sync gives up (the follower then tries again later). */
  retry?: Partial<RetryPolicy>;
  /** IndexerCursor.name. Default "events". */
  cursorName?: string;
  log?: (message: string) => void;
  /** Called after each chunk is committed (progress, metrics). */
  onChunk?: (chunk: SyncResult) => void;
}

/** Blocks `from`..`to` were indexed, inserting `rows` event rows; `to < from` when there was nothing to do. */
export interface SyncResult {
  from: bigint;
  to: bigint;
  rows: number;
}

/** How far behind the chain the indexer is, as of its last look at the head. */
export interface IndexerStatus {
  headBlock: bigint | undefined;
  /** The last block whose events are all written, or undefined before anything is. */
  indexedBlock: bigint | undefined;
  lagBlocks: bigint | undefined;
}

export interface Indexer {
  /** Checks the cursor for a reorg, then indexes up to the current head, chunk by chunk. */
  syncOnce(): Promise<SyncResult>;
  /** Follows the head: syncs, waits `pollIntervalMs`, again, until `stop()`. Errors are logged, not thrown. */
  start(): void;
  /** Stops following after the chunk in progress is committed. */
  stop(): Promise<void>;
  status(): IndexerStatus;
}

/**
 * The gateway's indexer: protocol events from the chain into the event tables, idempotent (rows
 * unique per chain, tx and log index; a chunk and its cursor commit together) and reorg-safe (the
 * cursor's block hash is checked before every extension). Nothing runs until `syncOnce` or `start`.
 */
export function createIndexer(options: IndexerOptions): Indexer {
  const { prisma, client, manifest } = options;
  const chunkSize = BigInt(options.chunkSize ?? 2000);
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const log = options.log ?? ((message: string) => console.log(message));
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const cursorName = options.cursorName ?? "events";
  let head: bigint | undefined;
  let indexed: bigint | undefined;
  let chainChecked = false;
  let following: { abort: AbortController; loop: Promise<void> } | undefined;
  let poolNames: Promise<ReadonlyMap<string, string>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const retry = <T>(what: string, action: () => Promise<T>) =>
    withRetry(what, action, { policy, log, signal: following?.abort.signal });
  const context: RangeContext = {
    prisma,
    client,
    manifest,
    cursorName,
    retry,
    poolNames: () => {
      poolNames ??= retry("pool tokens", () => readPoolNames(client, manifest.contracts)).catch((error) => {
        poolNames = undefined; // not cached: the next chunk asks again
        throw error;
      });
      return poolNames;
    },
  };

  async function sync(): Promise<SyncResult> {
    if (!chainChecked) {
      assertManifestChain(manifest, await retry("chain id", () => client.getChainId()));
      chainChecked = true;
    }
    const latest = await retry("head", () => client.getBlockNumber({ cacheTime: 0 }));
    head = latest;
    const { chainId, startBlock } = manifest;
    const tip = await reconcileCursor({ prisma, client, chainId, cursorName, startBlock, retry, log });
    indexed = tip?.number;
    let last = tip?.number ?? startBlock - 1n;
    let parentHash = tip?.hash;
    const from = last + 1n;
    let rows = 0;
    while (last < latest && !following?.abort.signal.aborted) {
      const to = last + chunkSize < latest ? last + chunkSize : latest;
      const chunk = await indexBlockRange(context, { from: last + 1n, to, parentHash });
      indexed = to;
      options.onChunk?.({ from: last + 1n, to, rows: chunk.rows });
      rows += chunk.rows;
      last = to;
      parentHash = chunk.cursor.hash.toLowerCase();
    }
    return { from, to: last, rows };
  }

  /** A reorg while a chunk was read: start over from the cursor check, which walks back if needed. */
  async function syncAcrossReorgs(): Promise<SyncResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sync();
      } catch (error) {
        if (!(error instanceof ReorgDuringChunkError) || attempt >= policy.attempts) throw error;
        log(`indexer: ${error.message}`);
      }
    }
  }

  /** One sync at a time: the follower and a caller's syncOnce must not interleave chunks. */
  function syncOnce(): Promise<SyncResult> {
    const run = queue.then(syncAcrossReorgs, syncAcrossReorgs);
    queue = run.catch(() => undefined);
    return run;
  }

  function start(): void {
    if (following) return;
    const abort = new AbortController();
    const loop = (async () => {
      while (!abort.signal.aborted) {
        await syncOnce().catch((error: unknown) =>
          log(`indexer: sync failed, will try again: ${describeError(error)}`),
        );
        await sleep(pollIntervalMs, abort.signal);
      }
    })();
    following = { abort, loop };
  }

  async function stop(): Promise<void> {
    const current = following;
    if (!current) return;
    current.abort.abort();
    await current.loop;
    following = undefined;
  }

  function status(): IndexerStatus {
    if (head === undefined) return { headBlock: undefined, indexedBlock: indexed, lagBlocks: undefined };
    const lag = head - (indexed ?? manifest.startBlock - 1n);
    return { headBlock: head, indexedBlock: indexed, lagBlocks: lag > 0n ? lag : 0n };
  }

  return { syncOnce, start, stop, status };
}
