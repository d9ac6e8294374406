import type { PrismaClient } from "@luma-pulse/db";
import type { IndexBus, IndexTick } from "./createIndexBus.ts";
import { createLiveQueue, type LiveQueue } from "./createLiveQueue.ts";
import type { EventKind, EventQuery, FeedEvent } from "./EventKind.ts";
import { endOfBlock } from "./EventPosition.ts";

/** A replica's live events: read once per tick from the database, fanned out to its subscribers. */
export interface EventFeed {
  /** A queue of `kind`'s live events from now on (everything after `queue.start`). */
  listen<E extends FeedEvent, F>(kind: EventKind<E, F>): LiveQueue<E>;
  /** Events per database read (the feed's, and a subscriber's when it catches up). */
  readonly pageSize: number;
  /** A page from the database, for catching up. */
  read<E extends FeedEvent, F>(kind: EventKind<E, F>, query: Omit<EventQuery<F>, "chainId">): Promise<E[]>;
  /** Ends every subscriber's stream and stops listening. */
  close(): Promise<void>;
}

/** What {@link startEventFeed} needs. */
export interface EventFeedOptions {
  prisma: PrismaClient;
  chainId: number;
  bus: IndexBus;
  /** IndexerCursor.name of the indexer that writes the events. Default "events". */
  cursorName?: string;
  /** Checks the cursor this often in case a tick was lost (e.g. Redis restarted). Default 30 s. */
  safetyPollMs?: number;
  /** Events per database read. Default 500. */
  pageSize?: number;
  /** Events a slow subscriber may have waiting before it is sent back to the database. Default 10,000. */
  queueCapacity?: number;
  log?: (message: string) => void;
}

/**
 * Starts a replica's feed: on each index tick it reads the new events of every kind that has
 * subscribers ONCE from the database and pushes them to those subscribers' queues. The blocks it has
 * fanned out so far are tracked, so a lost tick leaves no gap: the next one (or the safety poll of
 * the indexer cursor) covers them; a tick that starts at or below them (a reorg) is re-read.
 */
export async function startEventFeed(options: EventFeedOptions): Promise<EventFeed> {
  const { prisma, chainId, bus } = options;
  const cursorName = options.cursorName ?? "events";
  const pageSize = options.pageSize ?? 500;
  const capacity = options.queueCapacity ?? 10_000;
  const log = options.log ?? ((message: string) => console.log(message));
  // biome-ignore lint/suspicious/noExplicitAny: a registry of every kind's queues; each is typed at listen()
  const listeners = new Map<EventKind<any, any>, Set<LiveQueue<any>>>();
  let closed = false;

  const readCursor = async () =>
    (await prisma.indexerCursor.findUnique({ where: { chainId_name: { chainId, name: cursorName } } }))
      ?.lastBlockNumber;
  /** The last block whose events were fanned out (or that was indexed before the feed started). */
  let through = (await readCursor()) ?? -1n;

  async function fanOut(to: bigint, from?: bigint): Promise<void> {
    const reorged = from !== undefined && from <= through;
    const start = reorged ? from : through + 1n;
    if (to < start) return;
    // Decided synchronously with moving `through`: a queue created from here on starts after `to`,
    // one created before is served below. Nothing in between can fall through.
    through = to;
    if (reorged) {
      // Blocks already fanned out were indexed again: a reorg. Subscribers step back before them.
      for (const queues of listeners.values()) for (const live of queues) live.rewind(endOfBlock(start - 1n));
    }
    const active = [...listeners].filter(([, queues]) => queues.size > 0);
    for (const [kind, queues] of active) {
      try {
        let after = endOfBlock(start - 1n);
        for (;;) {
          const page = await kind.read(prisma, { chainId, after, through: to, limit: pageSize });
          for (const queue of queues) queue.push(page);
          const last = page.at(-1);
          if (!last || page.length < pageSize) break;
          after = last.position;
        }
      } catch (error) {
        // Those subscribers will re-read from the database themselves; they lose nothing.
        log(`events: reading new ${kind.stream} events failed: ${(error as Error).message}`);
        for (const queue of queues) queue.overflow();
      }
    }
  }

  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((error: unknown) => log(`events: ${(error as Error).message}`));
  };

  const ticks = bus.subscribe();
  const listening = (async () => {
    for await (const tick of ticks as AsyncIterable<IndexTick>) {
      enqueue(() => fanOut(BigInt(tick.to), BigInt(tick.from)));
    }
  })();
  await bus.ready();
  const safetyPoll = setInterval(
    () =>
      enqueue(async () => {
        const cursor = await readCursor();
        if (cursor !== undefined && cursor > through) await fanOut(cursor);
      }),
    options.safetyPollMs ?? 30_000,
  );
  safetyPoll.unref();

  return {
    listen<E extends FeedEvent, F>(kind: EventKind<E, F>): LiveQueue<E> {
      const queues = listeners.get(kind) ?? new Set();
      listeners.set(kind, queues);
      const created = createLiveQueue<E>(endOfBlock(through), capacity, () => queues.delete(created));
      if (closed) created.close();
      else queues.add(created);
      return created;
    },
    pageSize,
    read: (kind, query) => kind.read(prisma, { ...query, chainId }),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(safetyPoll);
      for (const queues of listeners.values()) for (const live of [...queues]) live.close();
      await ticks.return?.();
      await listening;
      await queue;
    },
  };
}
