import type { Transformer } from "grammy";
import type { Log } from "./BotDeps.ts";

/** What long polling cannot recover from: reported once, by `pollingFailure`, when the runner stops. */
const FATAL = new Set([401, 409]);

/**
 * Logs a failed getUpdates in one line (the runner retries it with backoff), in place of the
 * runner's own multi-line dumps, which are switched off. A stop (aborted call) is not a failure.
 */
export function logPollingErrors(log: Log): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    try {
      const response = await prev(method, payload, signal);
      if (!response.ok && !FATAL.has(response.error_code)) {
        log("telegram polling failed; retrying", {
          error: `${response.error_code}: ${response.description}`,
        });
      }
      return response;
    } catch (error) {
      if (!signal?.aborted) log("telegram polling failed; retrying", { error: String(error) });
      throw error;
    }
  };
}
