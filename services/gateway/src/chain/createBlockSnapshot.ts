import type { BlockRef } from "./readLatestBlock.ts";

/** Loads one value at `block`; called again at the next block when the value is kept warm. */
export type BlockLoad<T> = (block: BlockRef) => Promise<T>;

export type BlockReadOptions = {
  /**
   * Load it again, ahead of requests, when the head moves on (default true). Turn it off for
   * reads with many distinct keys (one per wallet), which would otherwise be refetched every block
   * for as long as anyone asked for them in the block before.
   */
  warm?: boolean;
};

/**
 * What every request at one block shares: the block, and each read done at it, loaded once.
 * Concurrent requests for a key share its one in-flight promise; a rejected load is dropped, so the
 * next request tries again rather than getting the cached failure.
 */
export interface BlockSnapshot {
  readonly block: BlockRef;
  /** The event index's state that `indexed` reads belong to (see chain/createChainHead.ts). */
  readonly indexVersion: string;
  /**
   * The block `indexed` loads are given: `block` once the index holds it; while the indexer is
   * still writing a new head's events, the last head it had complete (figures stay consistent).
   */
  readonly indexBlock: BlockRef;
  /** Chain state at `block` (multicalls): loaded once per block hash. */
  chain<T>(key: string, load: BlockLoad<T>, options?: BlockReadOptions): Promise<T>;
  /**
   * A figure derived from the event index (database aggregates) at `indexBlock`: loaded once per
   * index version, so that rows the indexer commits after the head moved are picked up without
   * waiting for the next block, and not reloaded while the index has nothing new.
   */
  indexed<T>(key: string, load: BlockLoad<T>, options?: BlockReadOptions): Promise<T>;
}

/** `asked`: a request read it (a warm-up alone does not count: nobody asking ends the warming). */
type Entry = { promise: Promise<unknown>; load: BlockLoad<unknown>; warm: boolean; asked: boolean };
type Entries = Map<string, Entry>;

/** A {@link BlockSnapshot} plus what its successor needs to take over its warm reads. */
export interface OwnedBlockSnapshot extends BlockSnapshot {
  readonly chainEntries: Entries;
  readonly indexedEntries: Entries;
  /** Starts a load ahead of requests (not counted as asked for). */
  prime(kind: "chain" | "indexed", key: string, load: BlockLoad<unknown>): Promise<unknown>;
}

/**
 * A snapshot at `block` for `indexVersion`. It shares `previous`'s chain reads when the block is the
 * same, and its index reads (with their `indexBlock`) when the index version is.
 */
export function createBlockSnapshot(
  block: BlockRef,
  indexVersion: string,
  previous?: OwnedBlockSnapshot,
): OwnedBlockSnapshot {
  const sameBlock = previous?.block.hash === block.hash;
  const sameIndex = previous?.indexVersion === indexVersion;
  const chainEntries: Entries = sameBlock ? previous.chainEntries : new Map();
  const indexedEntries: Entries = sameIndex ? previous.indexedEntries : new Map();
  const indexBlock = sameIndex ? previous.indexBlock : block;

  function read<T>(
    entries: Entries,
    at: BlockRef,
    key: string,
    load: BlockLoad<T>,
    options?: BlockReadOptions,
  ) {
    const existing = entries.get(key);
    if (existing) {
      existing.asked = true;
      return existing.promise as Promise<T>;
    }
    const entry = { load: load as BlockLoad<unknown>, warm: options?.warm ?? true, asked: true };
    return start(entries, at, key, entry) as Promise<T>;
  }

  function start(entries: Entries, at: BlockRef, key: string, entry: Omit<Entry, "promise">) {
    // async: a load that throws at once rejects like any other (and is not cached either).
    const promise = (async () => entry.load(at))();
    entries.set(key, { ...entry, promise });
    // The handler also keeps a warm-up nobody awaits from being an unhandled rejection.
    promise.catch(() => {
      if (entries.get(key)?.promise === promise) entries.delete(key);
    });
    return promise;
  }

  return {
    block,
    indexVersion,
    indexBlock,
    chainEntries,
    indexedEntries,
    chain: (key, load, options) => read(chainEntries, block, key, load, options),
    indexed: (key, load, options) => read(indexedEntries, indexBlock, key, load, options),
    prime(kind, key, load) {
      const [entries, at] = kind === "chain" ? [chainEntries, block] : [indexedEntries, indexBlock];
      return entries.get(key)?.promise ?? start(entries, at, key, { load, warm: true, asked: false });
    },
  };
}

/**
 * Starts loading in `next` every warm read that requests asked `previous` for (those it does not
 * share with it), and resolves once they settled: the head tracker switches to `next` then, so
 * requests do not wait for a new block's reads. A read nobody asked for in a block is not carried on.
 */
export function warmSnapshot(next: OwnedBlockSnapshot, previous: OwnedBlockSnapshot): Promise<unknown> {
  const started: Promise<unknown>[] = [];
  const carry = (kind: "chain" | "indexed", from: Entries) => {
    for (const [key, entry] of from)
      if (entry.warm && entry.asked) started.push(next.prime(kind, key, entry.load));
  };
  if (next.chainEntries !== previous.chainEntries) carry("chain", previous.chainEntries);
  if (next.indexedEntries !== previous.indexedEntries) carry("indexed", previous.indexedEntries);
  return Promise.allSettled(started);
}
