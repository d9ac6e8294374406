import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type DeploymentManifest, writeManifest } from "@luma-pulse/protocol";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";

const root = resolve(import.meta.dirname, "../../..");

/** `npm run gateway` as a child process, with its output captured. */
export type GatewayProcess = {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the output once `pattern` appears; rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves with the gateway's URL from its "gateway listening" log line. */
  listening(timeoutMs?: number): Promise<string>;
};

/**
 * Runs services/gateway/src/main.ts as `npm run gateway` does (through tsx), with `env` on top of a
 * clean environment (PATH and HOME only), LOG_LEVEL=info and PORT=0 unless given; killed after the
 * file's tests if still running.
 */
export function spawnGatewayMain(env: Record<string, string>): GatewayProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "services/gateway/src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
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
  deferTeardown(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await exited;
  });
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolvePromise, reject) => {
      const check = () => {
        if (!pattern.test(text)) return;
        done();
        resolvePromise(text);
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
        if (pattern.test(text)) return;
        done();
        reject(new Error(`exited with ${code} before ${pattern}; output:\n${text}`));
      });
      check();
    });
  return {
    child,
    output: () => text,
    waitFor,
    exited,
    async listening(timeoutMs) {
      const output = await waitFor(/"msg":"gateway listening"/, timeoutMs);
      const line = output.split("\n").find((entry) => entry.includes('"msg":"gateway listening"'));
      return (JSON.parse(line ?? "{}") as { url: string }).url;
    },
  };
}

/** Writes `manifest` to a temporary file (removed after the file's tests) and returns its path. */
export async function writeTemporaryManifest(manifest: DeploymentManifest): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "luma-gateway-main-"));
  deferTeardown(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, "manifest.json");
  await writeManifest(path, manifest);
  return path;
}

/** Polls `url` until it answers `status`, returning the JSON body of that answer. */
export async function waitForStatus(url: string, status: number, timeoutMs = 60_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.status === status) return response.json();
    last = response ? `${response.status} ${await response.text()}` : "no answer";
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms; last: ${last}`);
}
