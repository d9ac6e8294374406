import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

export type StartedProcess = {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the output once `pattern` appears; rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  exited: Promise<number | null>;
};

/**
 * Runs what `npm start` runs (scripts/start.ts through tsx) with `env` on top of a clean
 * environment, capturing its output. npm itself is skipped only to keep its banner out of the output.
 */
export function spawnNpmStart(env: Record<string, string>): StartedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      text += chunk;
      for (const listener of listeners) listener();
    });
  }
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolvePromise, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            done();
            resolvePromise(text);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}; output:\n${text}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((code) => {
          if (!pattern.test(text)) {
            done();
            reject(new Error(`exited with ${code} before ${pattern}; output:\n${text}`));
          }
        });
        check();
      });
    },
  };
}
