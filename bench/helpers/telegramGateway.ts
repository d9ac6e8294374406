import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

/** A gateway in a child process: its URL, and how to stop it. */
export type ChildGateway = { url: string; pid: number; stop(): Promise<void> };

/**
 * Starts the gateway in a child process on the manifest at `manifestPath` and the PostgreSQL
 * database at `databaseUrl` (already migrated), with per-IP rate limiting off (the bench is one
 * client), and resolves once its index has caught up with the chain (`/readyz`).
 */
export async function startChildGateway(options: {
  manifestPath: string;
  databaseUrl: string;
}): Promise<ChildGateway> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "telegramGatewayChild.ts")],
    {
      env: {
        ...process.env,
        LUMA_BENCH_MANIFEST: options.manifestPath,
        DATABASE_URL: options.databaseUrl,
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
  try {
    await waitUntilCaughtUp(url);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
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
