import { Repeater } from "graphql-yoga";
import type { EventKind, FeedEvent } from "./EventKind.ts";
import { comparePositions, type EventPosition } from "./EventPosition.ts";
import type { EventFeed } from "./startEventFeed.ts";

/**
 * One subscriber's stream of `kind` events matching `filter`, in chain order. With `after` (the
 * position of the last event it saw) it first pages through the database from there until caught
 * up, then goes on live: the live queue is opened BEFORE catching up and every event is delivered
 * only if it comes after the last one delivered, so the hand-over has no gap and no duplicate. A
 * subscriber that falls behind the queue's capacity catches up from the database again. After a
 * reorg the stream steps back to the fork point and delivers the new chain's events from there: an
 * event that survived the reorg at the same place may come twice, with the same id (at least once,
 * never lost).
 *
 * The live queue opens right away, not on the first `next()`: by the time the client sees the
 * response start, an event mined from then on is sure to reach it. A Repeater rather than an async
 * generator: a client that disconnects while the stream waits ends it at once (an async generator's
 * `return()` would wait for the next event).
 */
export function streamEvents<E extends FeedEvent, F>(
  feed: EventFeed,
  kind: EventKind<E, F>,
  options: { filter: F; after?: EventPosition },
): AsyncIterableIterator<E> {
  const live = feed.listen(kind);
  const repeater = new Repeater<E>(async (push, stop) => {
    let stopped = false;
    void stop.then(() => {
      stopped = true;
      live.close();
    });
    let last = options.after ?? live.start;

    const catchUp = async () => {
      while (!stopped) {
        const page = await feed.read(kind, { after: last, limit: feed.pageSize, filter: options.filter });
        for (const event of page) {
          if (stopped) return;
          await push(event);
          last = event.position;
        }
        if (page.length < feed.pageSize) return;
      }
    };

    try {
      if (options.after !== undefined) await catchUp();
      for (let batch = await live.take(); batch && !stopped; batch = await live.take()) {
        if (batch.rewoundTo && comparePositions(batch.rewoundTo, last) < 0) last = batch.rewoundTo;
        if (batch.overflowed) await catchUp();
        for (const event of batch.events) {
          if (stopped || comparePositions(event.position, last) <= 0) continue;
          last = event.position;
          if (kind.matches(event, options.filter)) await push(event);
        }
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      live.close();
    }
  });
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => repeater.next(),
    // A stream ended before its first `next()` never ran the executor above: close the queue here too.
    return: (value?: unknown) => {
      live.close();
      return repeater.return(value as E);
    },
    throw: (error?: unknown) => {
      live.close();
      return repeater.throw(error);
    },
  };
}
