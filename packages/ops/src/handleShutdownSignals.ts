import type { Logger } from "pino";

/** What `handleShutdownSignals` gives back: the same bounded drain, started from within. */
export type Shutdown = {
  /**
   * A failure the process cannot recover from (the platform refused the bot for good): logs `reason`
   * as fatal, then drains as a signal would, and exits 1 however the drain ends (at the latest when
   * `timeoutMs` passes), so that the orchestrator restarts the process rather than leave it idle.
   */
  fail(reason: string): void;
};

/**
 * Graceful shutdown for a service's main.ts: the first SIGTERM or SIGINT runs `stop` (drain requests
 * and sends, release locks, close connections) and exits 0 when it resolves, 1 when it throws. A second
 * signal, or `timeoutMs` passing, exits 1 at once: an orchestrator's SIGKILL would come anyway, and a
 * stuck drain must not keep an old version running. Install it before start-up opens anything, and
 * let `stop` wait for a start in progress: a signal during start-up then drains too.
 */
export function handleShutdownSignals(options: {
  stop: (cause: string) => Promise<void>;
  log: Logger;
  timeoutMs?: number;
  exit?: (code: number) => void;
}): Shutdown {
  const { stop, log } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 25_000;
  let stopping = false;
  let failed = false;
  const drain = (cause: string) => {
    stopping = true;
    // Not unref'd: a drain stuck on a promise that no handle keeps alive must still end in exit 1,
    // not in Node quietly exiting 0 when nothing is left to run.
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, "the drain did not finish in time: exiting");
      exit(1);
    }, timeoutMs);
    stop(cause).then(
      () => {
        clearTimeout(timer);
        log.info("stopped");
        exit(failed ? 1 : 0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log.error({ err: error }, "stopping failed");
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting without finishing the drain");
      exit(1);
      return;
    }
    log.info({ signal, timeoutMs }, "stopping: draining requests and sends");
    drain(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return {
    fail(reason) {
      log.fatal(reason);
      // A drain already under way (a signal came first) ends in exit 1 now, within its own time limit.
      failed = true;
      if (stopping) return;
      log.info({ timeoutMs }, "stopping: draining requests and sends");
      drain(reason);
    },
  };
}
