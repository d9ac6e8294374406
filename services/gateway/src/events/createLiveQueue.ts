import { comparePositions, type EventPosition } from "./EventPosition.ts";

/** What a subscriber's queue gives it at once: the events since the last take, oldest first. */
export interface LiveBatch<E> {
  events: E[];
  /** Events were dropped (the subscriber fell too far behind): catch up from the database first. */
  overflowed: boolean;
  /**
   * A reorg replaced the chain after this position: what the subscriber got beyond it may be gone,
   * and `events` (or the database) has the new chain's events from there. Applies before `events`.
   */
  rewoundTo?: EventPosition;
}

/** One subscriber's buffer of live events, filled by the replica's feed. */
export interface LiveQueue<E extends { position: EventPosition }> {
  /** Events at or before this position were fanned out before the queue existed. */
  readonly start: EventPosition;
  push(events: readonly E[]): void;
  /** Drops what is buffered and tells the subscriber to catch up from the database. */
  overflow(): void;
  /** A reorg: drops buffered events after `position` (they left the chain) and says so in the next batch. */
  rewind(position: EventPosition): void;
  /** Waits for events (or an overflow); undefined once closed. */
  take(): Promise<LiveBatch<E> | undefined>;
  close(): void;
}

/**
 * A bounded queue: a subscriber slower than the chain never makes the replica hold more than
 * `capacity` events for it; beyond that it is sent back to the database, which has them all.
 */
export function createLiveQueue<E extends { position: EventPosition }>(
  start: EventPosition,
  capacity: number,
  onClose: () => void,
): LiveQueue<E> {
  let events: E[] = [];
  let overflowed = false;
  let rewoundTo: EventPosition | undefined;
  let closed = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  return {
    start,
    push(batch) {
      if (closed || batch.length === 0) return;
      if (events.length + batch.length > capacity) {
        events = [];
        overflowed = true;
      } else {
        events.push(...batch);
      }
      signal();
    },
    overflow() {
      events = [];
      overflowed = true;
      signal();
    },
    rewind(position) {
      events = events.filter((event) => comparePositions(event.position, position) <= 0);
      if (!rewoundTo || comparePositions(position, rewoundTo) < 0) rewoundTo = position;
      signal();
    },
    async take() {
      while (!closed && events.length === 0 && !overflowed && !rewoundTo) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (closed) return undefined;
      const batch = { events, overflowed, rewoundTo };
      events = [];
      overflowed = false;
      rewoundTo = undefined;
      return batch;
    },
    close() {
      if (closed) return;
      closed = true;
      events = [];
      signal();
      onClose();
    },
  };
}
