/**
 * Requests per second the gateway sustains for the GraphiQL `Sora` and `Yields` queries, next to a
 * trivial `{ __typename }` on the same server in the same run (issue 3's bar: at least 50% of it,
 * p99 under 25 ms at that load, gateway RSS under 300 MB):
 * `npx tsx bench/gatewayThroughput.ts [seconds=10] [connections=10]`.
 *
 * A freshly seeded devnet with its activity simulator running (new blocks every second, so the
 * per-block cache is invalidated as it would be live), the gateway in a child process (autocannon
 * must not share its event loop), on embedded PGlite and, when PostgreSQL answers at
 * BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres), on a throwaway
 * database there too. Per-IP rate limiting is off in the child: one client sends everything.
 * BENCH_GATEWAY_NODE_OPTIONS passes Node flags to the gateway only (e.g. `--max-old-space-size=160`).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { graphiqlExamples } from "../services/gateway/src/graphiqlExamples.ts";
import { startChildGateway } from "./helpers/childGateway.ts";
import { createThrowawayDatabase } from "./helpers/createThrowawayDatabase.ts";

/** What each run sends: the trivial baseline, and GraphiQL's own example operations by name. */
const QUERIES = {
  __typename: { query: "{ __typename }" },
  Sora: { query: graphiqlExamples, operationName: "Sora" },
  Yields: { query: graphiqlExamples, operationName: "Yields" },
} as const;

type Run = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpu: number;
  blocks: number;
};

const statusField = async (pid: number, field: string) => {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1];
  return kb ? Number.parseInt(kb, 10) / 1024 : Number.NaN;
};

/** CPU seconds (user + system) the process has used so far. */
const cpuSeconds = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function blockNumber(url: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ protocol { block { number } } }" }),
  });
  return Number(
    ((await response.json()) as { data: { protocol: { block: { number: string } } } }).data.protocol.block
      .number,
  );
}

async function measure(
  url: string,
  pid: number,
  name: keyof typeof QUERIES,
  seconds: number,
  connections: number,
  // Requests/s across all connections; unset: as fast as the server answers (saturation).
  overallRate?: number,
) {
  const body = JSON.stringify(QUERIES[name]);
  const request = { method: "POST" as const, headers: { "content-type": "application/json" }, body };
  // The answer must be a real one: autocannon counts responses, not what they say.
  const check = (await (await fetch(`${url}/graphql`, request)).json()) as { errors?: unknown };
  if (check.errors) throw new Error(`${name} answers with errors: ${JSON.stringify(check.errors)}`);
  await autocannon({ url: `${url}/graphql`, ...request, connections, duration: 2 }); // warm-up
  const [cpuBefore, blockBefore] = [await cpuSeconds(pid), await blockNumber(url)];
  const result = await autocannon({
    url: `${url}/graphql`,
    ...request,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
  });
  const [cpuAfter, blockAfter] = [await cpuSeconds(pid), await blockNumber(url)];
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpu: (cpuAfter - cpuBefore) / result.duration,
    blocks: blockAfter - blockBefore,
  } satisfies Run;
}

async function benchDatabase(
  label: string,
  env: Record<string, string>,
  seconds: number,
  connections: number,
) {
  const nodeFlags = (process.env.BENCH_GATEWAY_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const gateway = await startChildGateway({ manifestPath: env.LUMA_BENCH_MANIFEST ?? "", env, nodeFlags });
  const { url, pid, indexSeconds } = gateway;
  let peakRss = 0;
  const sampler = setInterval(async () => {
    peakRss = Math.max(peakRss, await statusField(pid, "VmRSS"));
  }, 200);
  try {
    const runs: Run[] = [];
    for (const name of Object.keys(QUERIES) as (keyof typeof QUERIES)[]) {
      runs.push(await measure(url, pid, name, seconds, connections));
    }
    const base = runs[0]?.rps ?? Number.NaN;
    console.log(
      `\n${label}: caught up with the seeded chain in ${indexSeconds.toFixed(1)} s; ${seconds} s per query, ${connections} connections`,
    );
    console.log("query        req/s   p50 ms  p99 ms  vs __typename  gateway CPU  new blocks  errors");
    for (const run of runs) {
      console.log(
        `${run.name.padEnd(11)} ${run.rps.toFixed(0).padStart(6)} ${String(run.p50).padStart(8)} ${String(run.p99).padStart(7)} ${`${((100 * run.rps) / base).toFixed(0)}%`.padStart(14)} ${`${(100 * run.cpu).toFixed(0)}%`.padStart(12)} ${String(run.blocks).padStart(11)} ${String(run.errors).padStart(7)}`,
      );
    }
    // The bar's p99 is "at that load": the rate the bar asks for (half the baseline's), not saturation,
    // where p99 is only the queue's length.
    const barRate = Math.round(base / 2);
    console.log(`\nat the bar's load (${barRate} req/s = 50% of __typename's):`);
    console.log("query        req/s   p50 ms  p99 ms  errors");
    for (const name of ["Sora", "Yields"] as const) {
      const run = await measure(url, pid, name, seconds, connections, barRate);
      console.log(
        `${run.name.padEnd(11)} ${run.rps.toFixed(0).padStart(6)} ${String(run.p50).padStart(8)} ${String(run.p99).padStart(7)} ${String(run.errors).padStart(7)}`,
      );
    }
    console.log(
      `gateway RSS: peak ${peakRss.toFixed(0)} MB while measured, ${(await statusField(pid, "VmHWM")).toFixed(0)} MB peak since start (VmHWM, includes catching up)`,
    );
  } finally {
    clearInterval(sampler);
    const memory = await gateway.stop();
    console.log(`gateway memory at the end (MB): ${JSON.stringify(memory)}`);
  }
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 10);
  const { build } = await import("../scripts/build.ts");
  await build(() => {});
  const { createDevnetConfig, startDevnet } = await import("@luma-pulse/devnet");
  const dataDir = await mkdtemp(join(tmpdir(), "luma-throughput-"));
  console.log(
    `gateway node flags: ${process.env.BENCH_GATEWAY_NODE_OPTIONS || "(none)"}; machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const seedStart = performance.now();
  const devnet = await startDevnet(
    createDevnetConfig({ LUMA_DATA_DIR: dataDir, ANVIL_PORT: "0", LUMA_DEVNET_FRESH: "1" }),
    { log: () => {} },
  );
  console.log(`devnet seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; simulator running`);
  const postgres = await createThrowawayDatabase(
    process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    "throughput",
  );
  try {
    const base = { LUMA_BENCH_MANIFEST: devnet.manifestPath, LUMA_DATA_DIR: dataDir, DATABASE_URL: "" };
    await benchDatabase("PGlite", base, seconds, connections);
    if (postgres)
      await benchDatabase("PostgreSQL", { ...base, DATABASE_URL: postgres.url }, seconds, connections);
    else console.log("\nPostgreSQL: none answers at BENCH_POSTGRES_URL; skipped");
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await postgres?.drop();
    await devnet.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
