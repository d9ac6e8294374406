import type { PrismaClient } from "@luma-pulse/db";
import { assertManifestChain, type DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import { createPrismaSqlWriter } from "./createPrismaSqlWriter.ts";
import { createWakeUp } from "./createWakeUp.ts";
import { describeError } from "./describeError.ts";
import { indexUpTo, type SyncResult } from "./indexUpTo.ts";
import { ReorgDuringChunkError } from "./ReorgDuringChunkError.ts";
import type { RangeContext } from "./readBlockRange.ts";
import { readPoolNames } from "./readPoolNames.ts";
import { reconcileCursor } from "./reconcileCursor.ts";
import type { SqlWriter } from "./SqlWriter.ts";
import { type HeadWatch, watchNewHeads } from "./watchNewHeads.ts";
import { defaultRetryPolicy, type RetryPolicy, withRetry } from "./withRetry.ts";

export type { SyncResult } from "./indexUpTo.ts";

/** Default wait between polls of the head: low enough for sub-300 ms follow latency on a devnet. */
export const DEFAULT_POLL_INTERVAL_MS = 200;
/** Poll interval while a new-head subscription is live: only a safety net then. */
const SUBSCRIBED_POLL_INTERVAL_MS = 5_000;

/** What {@link createIndexer} needs. */
export interface IndexerOptions {
  prisma: PrismaClient;
  /** Give it an http transport with `batch: true`: block headers are fetched in parallel slices. */
  /**
   * Where chunks are written: default through `prisma`. On PostgreSQL pass
   * `createPgSqlWriter(url)` (a dedicated connection; the caller closes it).
   */
  writer?: SqlWriter;
  client: PublicClient;
  manifest: DeploymentManifest;
  /**
   * Most blocks per getLogs call and per write transaction. Default 2000; a sync starts at 100 and
   * doubles, and ranges dense with logs get fewer blocks (about 5,000 logs a chunk).
   */
  chunkSize?: number;
  /** Wait between polls of the head once caught up (when no new-head subscription is live). Default 200 ms. */
  pollIntervalMs?: number;
  /**
   * The node's WebSocket URL (e.g. `webSocketUrlOf(rpcUrl)` for anvil): the follower subscribes to
   * new heads and syncs as soon as one arrives, polling only every 5 s meanwhile. Unset, or while
   * the subscription is down: polling every `pollIntervalMs`.
   */
  webSocketUrl?: string;
  /**
   * Blocks kept behind the head (INDEXER_CONFIRMATIONS): the index only takes blocks this deep, so
   * that a reorg shallower than that never reaches it. Default 0: up to the head.
   */
  confirmations?: number;
  /** Retries of a failing RPC call before a sync gives up (the follower then tries again later). */
  retry?: Partial<RetryPolicy>;
  /** IndexerCursor.name. Default "events". */
  cursorName?: string;
  log?: (message: string) => void;
  /** Called after each chunk is committed (progress, metrics). */
  onChunk?: (chunk: SyncResult) => void;
}

/** How far behind the chain the indexer is, as of its last look at the head. */
export interface IndexerStatus {
  headBlock: bigint | undefined;
  /** The last block whose events are all written, or undefined before anything is. */
  indexedBlock: bigint | undefined;
  /**
   * Blocks between the index and the deepest block it may take (head minus the confirmations), so
   * that 0 means caught up whatever the confirmation depth.
   */
  lagBlocks: bigint | undefined;
}

export interface Indexer {
  /** Checks the cursor for a reorg, then indexes up to the current head, chunk by chunk. */
  syncOnce(): Promise<SyncResult>;
  /**
   * Follows the head: syncs, waits for a new head (or `pollIntervalMs`), again, until `stop()`.
   * Errors are logged, not thrown.
   */
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
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const log = options.log ?? ((message: string) => console.log(message));
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const cursorName = options.cursorName ?? "events";
  const confirmations = BigInt(options.confirmations ?? 0);
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
    writer: options.writer ?? createPrismaSqlWriter(prisma),
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
    return indexUpTo(context, {
      tip,
      head: latest - confirmations,
      chunkSize,
      signal: following?.abort.signal,
      onCommitted: (chunk) => {
        indexed = chunk.to;
        options.onChunk?.(chunk);
      },
    });
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
    const wakeUp = createWakeUp();
    const { webSocketUrl } = options;
    const heads: HeadWatch | undefined = webSocketUrl
      ? watchNewHeads({
          url: webSocketUrl,
          onHead: () => wakeUp.notify(),
          // A block mined between the last sync and the subscription would otherwise wait for the
          // safety poll: sync once whenever the subscription starts (or restarts after a failure).
          onSubscribed: () => wakeUp.notify(),
          log,
        })
      : undefined;
    const loop = (async () => {
      try {
        while (!abort.signal.aborted) {
          await syncOnce().catch((error: unknown) =>
            log(`indexer: sync failed, will try again: ${describeError(error)}`),
          );
          const wait = heads?.live() ? SUBSCRIBED_POLL_INTERVAL_MS : pollIntervalMs;
          await wakeUp.sleep(wait, abort.signal);
        }
      } finally {
        await heads?.stop();
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
    const lag = head - confirmations - (indexed ?? manifest.startBlock - 1n);
    return { headBlock: head, indexedBlock: indexed, lagBlocks: lag > 0n ? lag : 0n };
  }

  return { syncOnce, start, stop, status };
}
