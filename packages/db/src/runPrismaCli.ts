import { spawn } from "node:child_process";
import { projectPaths } from "./projectPaths.ts";

/** What a Prisma CLI run printed, and how it ended. */
export interface PrismaCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The WebAssembly schema engine starts a 10 s timer (a timeout around its advisory lock, we believe)
 * and never clears it, and the CLI only calls `process.exit` on failure: every successful `migrate`
 * lingered 10 s. Unref'ing long timers lets the process end once its real work (sockets) is done;
 * the timers still fire if it is alive.
 */
const UNREF_LONG_TIMERS =
  "data:text/javascript,const set=globalThis.setTimeout;globalThis.setTimeout=function(f,ms,...a){" +
  "const t=set.call(this,f,ms,...a);if(ms>=10000)t.unref();return t}";

/**
 * Runs the Prisma CLI (`node node_modules/prisma/build/index.js …`) in the repository root, offline.
 *
 * The CLI insists on locating native engines even when it uses none (`engineType = "client"`,
 * `engine: "js"`); pointing the two variables at any existing file stops it from downloading them
 * (shared/ENVIRONMENT.md), so we point them at the CLI itself. Never rejects on a non-zero exit:
 * callers turn the output into their own error.
 */
export function runPrismaCli(args: string[], env: Record<string, string> = {}): Promise<PrismaCliResult> {
  const paths = projectPaths();
  const child = spawn(process.execPath, ["--import", UNREF_LONG_TIMERS, paths.prismaCli, ...args], {
    cwd: paths.root,
    env: {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: paths.prismaCli,
      PRISMA_SCHEMA_ENGINE_BINARY: paths.prismaCli,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ exitCode: code ?? (signal ? 1 : 0), stdout, stderr }));
  });
}

/** Enough for Prisma's error code, explanation and the failing migration's name. */
const MAX_SUMMARY_LENGTH = 600;

/**
 * The CLI's error as one line: from the `Error:` line (e.g. "Error: P3009") to the end of the
 * output, blank lines dropped, else the last line printed.
 */
export function summarizePrismaError(result: PrismaCliResult): string {
  const lines = `${result.stdout}\n${result.stderr}`.split("\n").map((line) => line.trim());
  const start = lines.findIndex((line) => line.startsWith("Error"));
  const relevant = start === -1 ? lines.filter(Boolean).slice(-1) : lines.slice(start).filter(Boolean);
  const summary = relevant.join(" ") || `exit code ${result.exitCode}`;
  return summary.length > MAX_SUMMARY_LENGTH ? `${summary.slice(0, MAX_SUMMARY_LENGTH)}…` : summary;
}
