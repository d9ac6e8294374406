import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { deferTeardown } from "../../helpers/deferTeardown.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
/** What a failing test shows of a service's output: its last lines, where the trouble is. */
const KEPT_OUTPUT_CHARS = 20_000;

/** A service running as its own process, as a deployment runs it. */
export type ServiceProcess = {
  child: ChildProcess;
  pid: number;
  /** The last {@link KEPT_OUTPUT_CHARS} characters it printed (stdout and stderr): for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
};

/**
 * Starts `entry` (a path from the repository root, e.g. `services/gateway/src/main.ts`) through tsx
 * with only `env` (and PATH/HOME) in its environment, so nothing of the test runner's leaks in. It is
 * SIGKILLed after the file's tests if still running.
 */
export function spawnService(entry: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  let text = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text = (text + chunk).slice(-KEPT_OUTPUT_CHARS);
    });
  }
  const exited = once(child, "exit").then(([code]) => code as number | null);
  deferTeardown(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await exited;
  });
  return { child, pid: child.pid, output: () => text, exited };
}
