import type { PrismaClient } from "@luma-pulse/db";
import { Repeater } from "graphql-yoga";
import { domainError } from "../errors/domainError.ts";
import { findIntent, type IntentRecord } from "./IntentRecord.ts";
import { canExpire, shownIntentStatus } from "./intentStatus.ts";
import type { IntentUpdates } from "./intentUpdates.ts";

/** What a subscriber can see change: the status (expiry included) and each step's transaction. */
const fingerprint = (intent: IntentRecord, now: Date) =>
  JSON.stringify([
    shownIntentStatus(intent, now),
    intent.failureReason,
    intent.transactions.map((tx) => [tx.stepIndex, tx.txHash, tx.status, tx.blockHash]),
  ]);

/**
 * Intent `id` now, then again every time it changes, until the subscriber leaves or the gateway
 * stops. Listens before the first read, so a change in between is not lost; re-reads the database on
 * every bus message (the bus says only "it changed") and skips reads that show nothing new. Expiry
 * (of a pending intent, or of a submitted one with a step never reported) changes nothing in the
 * database, so a timer delivers EXPIRED.
 */
export function streamIntent(
  deps: { prisma: PrismaClient; updates: IntentUpdates },
  id: string,
): AsyncIterableIterator<IntentRecord> {
  return new Repeater<IntentRecord>(async (push, stop) => {
    let wake: (() => void) | undefined;
    const changed = () => wake?.();
    let dirty = true;
    const unlisten = deps.updates.listen(id, () => {
      dirty = true;
      changed();
    });
    const unclose = deps.updates.onClose(() => stop());
    let expiryTimer: NodeJS.Timeout | undefined;
    let last: string | undefined;
    try {
      while (true) {
        if (dirty) {
          dirty = false;
          const intent = await findIntent(deps.prisma, id);
          if (!intent) throw domainError("UNKNOWN_INTENT", { id });
          const now = new Date();
          const seen = fingerprint(intent, now);
          if (seen !== last) {
            last = seen;
            await push(intent);
          }
          clearTimeout(expiryTimer);
          if (canExpire(intent) && now.getTime() < intent.expiresAt.getTime()) {
            // +1 ms: at expiresAt itself the intent is expired (see shownIntentStatus).
            expiryTimer = setTimeout(
              () => {
                dirty = true;
                changed();
              },
              Math.min(intent.expiresAt.getTime() - now.getTime() + 1, 2 ** 31 - 1),
            );
          }
        }
        const woken = new Promise<void>((resolve) => {
          wake = resolve;
        });
        if (dirty) continue;
        if ((await Promise.race([woken.then(() => "change"), stop.then(() => "stop")])) === "stop") break;
      }
    } catch (error) {
      stop(error);
    } finally {
      clearTimeout(expiryTimer);
      unlisten();
      unclose();
    }
  });
}
