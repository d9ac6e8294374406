import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `done` every `intervalMs` until it holds; throws `not within N ms: <what>` (with `detail()`,
 * e.g. a process's output, when given) once `timeoutMs` has passed. Deadlines are generous: the
 * machine may be busy, and only the outcome is asserted, never the time it took.
 */
export async function waitUntil(
  what: string,
  done: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; detail?: () => string | Promise<string> },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) {
      const detail = options.detail ? `\n${await options.detail()}` : "";
      throw new Error(`not within ${options.timeoutMs} ms: ${what}${detail}`);
    }
    await sleep(options.intervalMs ?? 100);
  }
}
