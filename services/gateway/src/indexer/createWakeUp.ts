/** A sleep that a notification ends early; a notification while awake makes the next sleep return at once. */
export interface WakeUp {
  notify(): void;
  /** Resolves after `ms`, on `notify()`, or when `signal` aborts, whichever comes first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The follower's wait between syncs: a new head wakes it, a timer is the fallback. */
export function createWakeUp(): WakeUp {
  let pending = false;
  let wake: (() => void) | undefined;
  return {
    notify() {
      pending = true;
      wake?.();
    },
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (pending || signal?.aborted) {
          pending = false;
          return resolve();
        }
        const timer = setTimeout(done, ms);
        signal?.addEventListener("abort", done, { once: true });
        wake = done;
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          wake = undefined;
          pending = false;
          resolve();
        }
      });
    },
  };
}
