import type { Logger } from "pino";

/**
 * Graceful shutdown for a service's main.ts: the first SIGTERM or SIGINT runs `stop` (drain requests
 * and sends, release locks, close connections) and exits 0 when it resolves, 1 when it throws. A second
 * signal, or `timeoutMs` passing, exits 1 at once: an orchestrator's SIGKILL would come anyway, and a
 * stuck drain must not keep an old version running.
 */
export function handleShutdownSignals(options: {
  stop: (signal: NodeJS.Signals) => Promise<void>;
  log: Logger;
  timeoutMs?: number;
  exit?: (code: number) => void;
}): void {
  const { stop, log } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 25_000;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting without finishing the drain");
      exit(1);
      return;
    }
    stopping = true;
    log.info({ signal, timeoutMs }, "stopping: draining requests and sends");
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, "the drain did not finish in time: exiting");
      exit(1);
    }, timeoutMs);
    timer.unref();
    stop(signal).then(
      () => {
        clearTimeout(timer);
        log.info("stopped");
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log.error({ err: error }, "stopping failed");
        exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
