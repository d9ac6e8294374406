import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../BotContext.ts";

/** The updates being handled right now, so that a stop can let them finish. */
export type UpdateTracker = {
  /** Installed first: counts an update from its arrival (waiting for its chat's turn included) to its end. */
  middleware: MiddlewareFn<BotContext>;
  /** Resolves true once no update is being handled, or false when `timeoutMs` passed first. */
  settled(timeoutMs: number): Promise<boolean>;
};

/**
 * Tracks the updates in flight. Stopping the runner (or the webhook server) only stops new updates
 * from coming in: a /stake still asking the gateway would otherwise find the database closed when it
 * goes to follow its message.
 */
export function trackUpdates(): UpdateTracker {
  const running = new Set<Promise<void>>();
  return {
    middleware: async (_ctx, next) => {
      const handled = next();
      running.add(handled);
      try {
        await handled;
      } finally {
        running.delete(handled);
      }
    },
    async settled(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      // Updates that arrive while waiting (a webhook post still being read) are waited for too.
      const drained = (async () => {
        while (running.size > 0) await Promise.allSettled(running);
        return true as const;
      })();
      try {
        return await Promise.race([drained, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
