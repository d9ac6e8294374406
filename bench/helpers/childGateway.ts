import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

/** A gateway in a child process: its URL and pid, how long it took to catch up, and how to stop it. */
export type ChildGateway = {
  url: string;
  pid: number;
  /** Seconds from listening to an index caught up with the chain. */
  indexSeconds: number;
  /** Stops it; resolves with its last `process.memoryUsage()`, in MB. */
  stop(): Promise<Record<string, number>>;
};

/**
 * Starts the gateway in a child process (bench/helpers/gatewayChild.ts) on the manifest at
 * `manifestPath` and the database of `env` (DATABASE_URL, or LUMA_DATA_DIR for PGlite), with
 * per-IP rate limiting off (a bench is one client), and resolves once its index has caught up with
 * the chain (`/readyz`), so a backfill is never measured with what the bench measures.
 * `nodeFlags`: for the child only (e.g. `--max-old-space-size=160`).
 */
export async function startChildGateway(options: {
  manifestPath: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  nodeFlags?: string[];
}): Promise<ChildGateway> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), "--import", "tsx", join(import.meta.dirname, "gatewayChild.ts")],
    {
      env: {
        ...process.env,
        ...options.env,
        ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
        LUMA_BENCH_MANIFEST: options.manifestPath,
        RATE_LIMIT_PER_IP: "0",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout?.setEncoding("utf8");
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: string) => {
      output += chunk;
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the gateway exited with ${code}: ${output}`)));
  });
  const started = performance.now();
  try {
    await waitUntilCaughtUp(url);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    url,
    pid: child.pid ?? 0,
    indexSeconds: (performance.now() - started) / 1000,
    async stop() {
      await stopChild(child);
      const usage = JSON.parse(/memory (\{.*\})/.exec(output)?.[1] ?? "{}") as Record<string, number>;
      return Object.fromEntries(
        Object.entries(usage).map(([key, bytes]) => [key, Math.round(bytes / 2 ** 20)]),
      );
    },
  };
}

async function waitUntilCaughtUp(url: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).catch(() => undefined);
    const body = ready ? ((await ready.json()) as { lagBlocks?: string | null }) : undefined;
    if (ready?.status === 200 && body?.lagBlocks === "0") return;
    if (Date.now() > deadline) throw new Error("the gateway did not catch up in 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}
