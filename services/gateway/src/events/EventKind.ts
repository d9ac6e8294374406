import type { PrismaClient } from "@luma-pulse/db";
import type { EventPosition } from "./EventPosition.ts";
import type { EventStreamName } from "./eventId.ts";

/** What every streamed event carries: its place on the chain (its id) and where it was mined. */
export interface FeedEvent {
  position: EventPosition;
  blockHash: string;
  blockTime: Date;
  txHash: string;
}

/** One page of a stream's events, oldest first. */
export interface EventQuery<F> {
  chainId: number;
  /** Events strictly after this position. */
  after: EventPosition;
  /** Up to the end of this block; unset: everything indexed so far. */
  through?: bigint;
  limit: number;
  /** Unset: every event (what a replica reads once to fan out); set: one subscriber's filter. */
  filter?: F;
}

/**
 * A kind of event that can be subscribed to: how to read it from the database (the source of truth,
 * for catching up) and how to filter it in memory (for live fan-out). Both must agree.
 */
export interface EventKind<E extends FeedEvent, F> {
  stream: EventStreamName;
  read(prisma: PrismaClient, query: EventQuery<F>): Promise<E[]>;
  matches(event: E, filter: F): boolean;
}
