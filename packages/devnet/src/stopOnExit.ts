import type { ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();
const TERMINATING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Synchronous, as 'exit' listeners must be: a signal is all that can still be sent. */
function killRunning(): void {
  for (const child of running) child.kill("SIGKILL");
}

/**
 * Stands in for Node's default action on a terminating signal, which would end this process
 * without running 'exit' listeners (vitest ends its workers with SIGTERM). When the application
 * has its own handler it owns shutdown and is expected to call `stop()`; this one then stays out.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  killRunning();
  unlisten();
  process.kill(process.pid, signal); // default action now: die of the signal, as without us
}

function listen(): void {
  process.on("exit", killRunning);
  for (const signal of TERMINATING_SIGNALS) process.on(signal, onSignal);
}

function unlisten(): void {
  process.off("exit", killRunning);
  for (const signal of TERMINATING_SIGNALS) process.off(signal, onSignal);
}

/**
 * Makes sure `child` does not outlive this Node process: on a normal exit (end of the event
 * loop, `process.exit()`, an uncaught exception) and on SIGINT/SIGTERM/SIGHUP that nobody else
 * handles. Only SIGKILL of this process can still orphan it. Listeners are installed while
 * children run and removed after. Returns the function that forgets the child once stopped.
 */
export function stopOnExit(child: ChildProcess): () => void {
  if (running.size === 0) listen();
  running.add(child);
  return () => {
    if (!running.delete(child)) return;
    if (running.size === 0) unlisten();
  };
}
