import type { Update } from "grammy/types";
import { BotApiError } from "./BotApiError.ts";

/** The updates waiting for the bot, served with getUpdates' semantics. */
export type UpdateQueue = {
  push(update: Update): void;
  /**
   * getUpdates: confirms (forgets) updates below `offset` (a negative offset keeps the last
   * `-offset`), then answers at once with up to `limit` updates, or holds the request until one is
   * pushed or `timeoutMs` passes. A newer poll ends a held one with 409, like Telegram.
   */
  poll(options: {
    offset?: number;
    limit: number;
    timeoutMs: number;
    signal: AbortSignal;
  }): Promise<Update[]>;
  /** Forgets the updates below `offset`; a negative offset keeps only the last `-offset`. */
  confirm(offset: number): void;
  /** Forgets every pending update (drop_pending_updates). */
  clear(): void;
  size(): number;
  /** Answers every held poll with nothing. */
  close(): void;
};

/** An empty queue. */
export function createUpdateQueue(): UpdateQueue {
  let pending: Update[] = [];
  let held: { answer(): void; conflict(): void } | undefined;
  const queue: UpdateQueue = {
    push(update) {
      pending.push(update);
      held?.answer();
    },
    poll({ offset, limit, timeoutMs, signal }) {
      held?.conflict();
      if (offset !== undefined) queue.confirm(offset);
      if (pending.length > 0 || timeoutMs <= 0 || signal.aborted)
        return Promise.resolve(pending.slice(0, limit));
      return new Promise((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", answer);
          if (held === waiter) held = undefined;
        };
        const answer = () => {
          finish();
          resolve(pending.slice(0, limit));
        };
        const waiter = {
          answer,
          conflict() {
            finish();
            reject(
              new BotApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
              ),
            );
          },
        };
        const timer = setTimeout(answer, timeoutMs);
        signal.addEventListener("abort", answer);
        held = waiter;
      });
    },
    confirm(offset) {
      pending = offset < 0 ? pending.slice(offset) : pending.filter((update) => update.update_id >= offset);
    },
    clear() {
      pending = [];
    },
    size: () => pending.length,
    close() {
      held?.answer();
    },
  };
  return queue;
}
