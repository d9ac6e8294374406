import { describeError } from "./describeError.ts";
import { sleep } from "./sleep.ts";

/** How {@link withRetry} backs off. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before the second attempt; doubles each time up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

/**
 * Runs `action`, retrying a failure with exponential backoff (bounded by `policy`). Each retry is
 * logged with what failed; the last failure is rethrown, so the caller's cursor stays where it was
 * and nothing is skipped. An aborted `signal` stops waiting and rethrows at once.
 */
export async function withRetry<T>(
  what: string,
  action: () => Promise<T>,
  options: { policy: RetryPolicy; log: (message: string) => void; signal?: AbortSignal },
): Promise<T> {
  const { policy, log, signal } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= policy.attempts || signal?.aborted) throw error;
      const delay = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      log(
        `indexer: ${what} failed (attempt ${attempt}/${policy.attempts}), retrying in ${delay} ms: ${describeError(error)}`,
      );
      await sleep(delay, signal);
      if (signal?.aborted) throw error; // stopping: do not start another attempt
    }
  }
}
