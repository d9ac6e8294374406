import type { PrismaClient } from "@luma-pulse/db";
import type { IndexerStatus } from "./createIndexer.ts";

/** The index status of a replica that does not run the indexer; `stop()` ends the cursor reads. */
export interface StandbyIndexStatus {
  status(): IndexerStatus;
  stop(): void;
}

/**
 * What a standby replica reports as its index status: the leader's progress, read from the
 * indexer cursor in the shared database every `intervalMs` (only while `active()`), against this
 * replica's own view of the head. Without it a standby would say "not synced" forever, and
 * /readyz would keep every replica but the leader out of the load balancer.
 */
export function watchStandbyIndexStatus(options: {
  prisma: PrismaClient;
  chainId: number;
  startBlock: bigint;
  /** INDEXER_CONFIRMATIONS: the leader indexes up to head minus this. */
  confirmations?: number;
  /** The latest head this replica knows, or undefined when the chain does not answer. */
  head: () => bigint | undefined;
  /** Whether to read the cursor (false while this replica leads: its indexer knows better). */
  active: () => boolean;
  cursorName?: string;
  intervalMs?: number;
}): StandbyIndexStatus {
  const { prisma, chainId, head } = options;
  const name = options.cursorName ?? "events";
  const confirmations = BigInt(options.confirmations ?? 0);
  let indexed: bigint | undefined;
  let reading = false;

  const read = async () => {
    if (reading || !options.active()) return;
    reading = true;
    try {
      const cursor = await prisma.indexerCursor.findUnique({ where: { chainId_name: { chainId, name } } });
      indexed = cursor?.lastBlockNumber ?? undefined;
    } catch {
      // The database is away: the last known cursor stands, and the lag grows with the head.
    } finally {
      reading = false;
    }
  };
  void read();
  const timer = setInterval(() => void read(), options.intervalMs ?? 1_000);
  timer.unref();

  return {
    status() {
      const headBlock = head();
      if (headBlock === undefined) return { headBlock, indexedBlock: indexed, lagBlocks: undefined };
      const lag = headBlock - confirmations - (indexed ?? options.startBlock - 1n);
      return { headBlock, indexedBlock: indexed, lagBlocks: lag > 0n ? lag : 0n };
    },
    stop: () => clearInterval(timer),
  };
}
