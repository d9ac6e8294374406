import type { Indexer } from "./createIndexer.ts";
import { describeError } from "./describeError.ts";
import { sleep } from "./sleep.ts";
import { type IndexerLock, tryIndexerLock } from "./tryIndexerLock.ts";

/** A replica's part in indexing: leading (the indexer runs) or standing by for the lock. */
export interface IndexerLeadership {
  isLeader(): boolean;
  /** Stops the indexer if it runs, releases the lock, stops trying. */
  stop(): Promise<void>;
}

/**
 * Runs `indexer` only while this process holds the database's indexer lock, so that with several
 * gateway replicas exactly one writes the event tables. A replica without the lock tries again every
 * `retryMs`; a leader whose lock connection dies stops its indexer and goes back to trying. Without a
 * `databaseUrl` (embedded PGlite, which only one process can open) it simply runs the indexer.
 */
export function leadIndexer(options: {
  indexer: Pick<Indexer, "start" | "stop">;
  databaseUrl: string | undefined;
  chainId: number;
  retryMs?: number;
  log?: (message: string) => void;
}): IndexerLeadership {
  const { indexer, databaseUrl, chainId } = options;
  const log = options.log ?? ((message: string) => console.log(message));
  const retryMs = options.retryMs ?? 5_000;
  const stopping = new AbortController();
  let lock: IndexerLock | undefined;
  let leading = false;
  let lost: (() => void) | undefined;

  async function campaign(url: string): Promise<void> {
    while (!stopping.signal.aborted) {
      const lostNow = new Promise<void>((resolve) => {
        lost = resolve;
      });
      lock = await tryIndexerLock(url, chainId, (error) => {
        log(`indexer: lost the indexer lock (${describeError(error)}); standing by`);
        lost?.();
      }).catch((error: unknown) => {
        log(`indexer: cannot take the indexer lock: ${describeError(error)}`);
        return undefined;
      });
      if (lock && !stopping.signal.aborted) {
        leading = true;
        indexer.start();
        await Promise.race([
          lostNow,
          new Promise((resolve) => stopping.signal.addEventListener("abort", resolve)),
        ]);
        leading = false;
        await indexer.stop();
        await lock.release();
        lock = undefined;
      }
      await sleep(retryMs, stopping.signal);
    }
  }

  let running = Promise.resolve();
  if (databaseUrl === undefined) {
    leading = true;
    indexer.start();
  } else {
    running = campaign(databaseUrl);
  }

  return {
    isLeader: () => leading,
    async stop() {
      stopping.abort();
      await running;
      if (databaseUrl === undefined) {
        leading = false;
        await indexer.stop();
      }
    },
  };
}
