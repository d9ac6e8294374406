import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import getPort from "get-port";
import { spawnNpmStart } from "../test/helpers/spawnNpmStart.ts";

/**
 * How long `npm start` takes to "ready" on a fresh data folder (deploy + seed) and on a second
 * start (reuse), and the start process's peak memory. Prints numbers; record them in
 * docs/benchmarks.md with the machine and date.
 */
async function peakRssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return kb ? Math.round(Number.parseInt(kb, 10) / 1024) : Number.NaN;
}

async function timeToReady(env: Record<string, string>) {
  const t0 = performance.now();
  const started = spawnNpmStart(env);
  const output = await started.waitFor(/is ready/, 300_000);
  const seconds = (performance.now() - t0) / 1000;
  const rss = await peakRssMb(started.child.pid);
  started.child.kill("SIGINT");
  await started.exited;
  const transactions = /seeded .*?(\d+) transactions/.exec(output)?.[1];
  return { seconds, rss, transactions: transactions ? Number.parseInt(transactions, 10) : undefined };
}

const dataDir = await mkdtemp(join(tmpdir(), "luma-bench-"));
const env = { LUMA_DATA_DIR: dataDir, ANVIL_PORT: String(await getPort()), LUMA_SIMULATOR: "0" };
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  const cold = await timeToReady(env);
  console.log(
    `fresh start (deploy + seed): ${cold.seconds.toFixed(1)} s to ready, ${cold.transactions} seed transactions, peak RSS ${cold.rss} MB`,
  );
  const warm = await timeToReady(env);
  console.log(`second start (reuse):        ${warm.seconds.toFixed(1)} s to ready, peak RSS ${warm.rss} MB`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
