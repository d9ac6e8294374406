import type { PublicClient } from "viem";
import { describeError } from "../indexer/describeError.ts";
import {
  type BlockSnapshot,
  createBlockSnapshot,
  type OwnedBlockSnapshot,
  warmSnapshot,
} from "./createBlockSnapshot.ts";
import { type BlockRef, readLatestBlock } from "./readLatestBlock.ts";

/** What {@link createChainHead} needs. */
export type ChainHeadOptions = {
  client: PublicClient;
  /** How often the head is polled (one `eth_getBlockByNumber` per replica). Default 250 ms. */
  pollIntervalMs?: number;
  /**
   * The last block the event index holds, when this replica knows it (it runs the indexer):
   * index-derived reads are reloaded once per head, when the index holds it. Without it they are
   * reloaded every `indexTtlMs`.
   */
  indexedBlock?: () => bigint | undefined;
  /** Default 1000 ms. */
  indexTtlMs?: number;
  /**
   * A head not confirmed for this long is not served: requests read the head themselves (and fail
   * if the chain does not answer) instead of answering from an ever older block. Default
   * max(1000 ms, 4 polls).
   */
  staleAfterMs?: number;
  /** Longest a new head waits for its warm reads before it is served anyway. Default 1000 ms. */
  warmTimeoutMs?: number;
  log?: (message: string) => void;
};

/** The replica's view of the chain head and the reads shared at it. */
export interface ChainHead {
  /**
   * The snapshot answers are read from: the latest head with its reads, shared by every request.
   * Rejects when the chain has not answered for `staleAfterMs`.
   */
  current(): Promise<BlockSnapshot>;
  /**
   * The snapshot `current()` would answer with right now without asking the chain, or undefined when
   * there is none or it is stale (the chain is not answering).
   */
  fresh(): BlockSnapshot | undefined;
  /** Stops polling (requests still refresh on demand). */
  stop(): void;
}

/**
 * Tracks the chain head for one replica by polling, so that requests do not each ask for the latest
 * block, and keeps one {@link BlockSnapshot} per head: N concurrent requests at a block cost one
 * multicall and one set of database aggregates. A new head (or a new index version) is served once
 * the reads asked for at the previous one are loaded at it, so requests rarely wait on I/O; only the
 * current snapshot is kept (requests in flight hold on to theirs until they finish).
 */
export function createChainHead(options: ChainHeadOptions): ChainHead {
  const { client, indexedBlock } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const indexTtlMs = options.indexTtlMs ?? 1000;
  const staleAfterMs = options.staleAfterMs ?? Math.max(1000, 4 * pollIntervalMs);
  const warmTimeoutMs = options.warmTimeoutMs ?? 1000;
  const log = options.log ?? console.log;
  let snapshot: OwnedBlockSnapshot | undefined;
  let confirmedAt = 0;
  let refreshing: Promise<OwnedBlockSnapshot> | undefined;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /**
   * Which index reads a snapshot at `block` uses. The index holds `block`: its own. The indexer is
   * still writing it: the previous snapshot's, until the index gets past the block those were read
   * at, so a new head costs one round of aggregates (once the index has it), not two.
   */
  function indexVersion(block: BlockRef, previous: OwnedBlockSnapshot | undefined): string {
    const indexed = indexedBlock?.();
    if (indexed === undefined) return `t${Math.floor(Date.now() / indexTtlMs)}`;
    if (indexed >= block.number) return `${block.number}:${block.hash}`;
    if (previous && indexed <= previous.indexBlock.number) return previous.indexVersion;
    return `behind:${indexed}`;
  }

  async function advance(): Promise<OwnedBlockSnapshot> {
    const block = await readLatestBlock(client);
    confirmedAt = Date.now();
    const previous = snapshot;
    const version = indexVersion(block, previous);
    if (previous?.block.hash === block.hash && previous.indexVersion === version) return previous;
    const next = createBlockSnapshot(block, version, previous);
    if (previous) {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        warmSnapshot(next, previous),
        new Promise((resolve) => {
          timeout = setTimeout(resolve, warmTimeoutMs);
        }),
      ]);
      clearTimeout(timeout);
    }
    snapshot = next;
    return next;
  }

  /**
   * One head read at a time, so a slow one never replaces a newer head: the poller and requests
   * that find the head stale share it.
   */
  function refresh(): Promise<OwnedBlockSnapshot> {
    refreshing ??= advance().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  function poll() {
    refresh().then(
      () => {
        if (failing) log("chain head: the chain answers again");
        failing = false;
      },
      (error: unknown) => {
        // Logged once per outage: requests report it themselves while it lasts.
        if (!failing) log(`chain head: cannot read the latest block: ${describeError(error)}`);
        failing = true;
      },
    );
    if (!stopped) {
      timer = setTimeout(poll, pollIntervalMs);
      timer.unref();
    }
  }
  poll();

  const fresh = () => (snapshot && Date.now() - confirmedAt <= staleAfterMs ? snapshot : undefined);

  return {
    current() {
      const known = fresh();
      return known ? Promise.resolve(known) : refresh();
    },
    fresh,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
