import { PageError } from "../wallet/eip1193.ts";
import { GatewayError } from "./graphqlRequest.ts";
import type { SigningIntent } from "./types.ts";

/** How often the page asks the gateway whether a sent step is mined. */
export const POLL_MS = 1_000;
/** The longest wait between attempts after failures (the gateway or the network is down). */
export const MAX_BACKOFF_MS = 10_000;
/** A gateway's `retryAfterSeconds` is followed within these bounds: never a tight loop, never hours. */
export const MIN_RETRY_AFTER_MS = 1_000;
export const MAX_RETRY_AFTER_MS = 60_000;

/** A failed read that ends the wait: the page refused the intent, or it does not exist. */
export const endsPolling = (failure: unknown) =>
  failure instanceof PageError || (failure instanceof GatewayError && failure.code === "UNKNOWN_INTENT");

/**
 * How long to wait after a failed read: the gateway's `retryAfterSeconds` (RATE_LIMITED, an
 * outage), clamped to 1 s – 60 s, so a 0 cannot turn the page into a tight loop; otherwise twice
 * the last wait, from 1 s up to 10 s.
 */
export function retryDelayMs(failure: unknown, previousMs: number): number {
  const retryAfter =
    failure instanceof GatewayError ? Number(failure.params.retryAfterSeconds ?? Number.NaN) : Number.NaN;
  if (Number.isFinite(retryAfter)) {
    return Math.min(Math.max(retryAfter * 1000, MIN_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS);
  }
  return Math.min(Math.max(previousMs, POLL_MS / 2) * 2, MAX_BACKOFF_MS);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads the intent until `done` says so: `read` every {@link POLL_MS} (the first time after
 * `firstDelayMs`); a failed read is tried again after {@link retryDelayMs}, unless it
 * {@link endsPolling}, which rejects. `read` is the page's own: it fetches, checks and shows.
 */
export async function pollIntent(
  read: () => Promise<SigningIntent>,
  done: (intent: SigningIntent) => boolean,
  {
    firstDelayMs = POLL_MS,
    sleep = wait,
  }: { firstDelayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SigningIntent> {
  let delay = firstDelayMs;
  for (;;) {
    await sleep(delay);
    try {
      const intent = await read();
      if (done(intent)) return intent;
      delay = POLL_MS;
    } catch (failure) {
      if (endsPolling(failure)) throw failure;
      delay = retryDelayMs(failure, delay);
    }
  }
}
