/**
 * How long the indexer leadership takes to move between two gateway replicas (issue 7's "killing the
 * indexer leader hands the lock to the other replica within seconds with no gap"):
 * `npx tsx bench/leaderHandover.ts [rounds=4]`.
 *
 * A fresh anvil with the protocol, a throwaway PostgreSQL database (BENCH_POSTGRES_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres), the machine's Redis (BENCH_REDIS_URL, default
 * redis://127.0.0.1:6379) under a prefix of this run's own, and two `services/gateway/src/main.ts`
 * processes on them, as compose runs them. Each round opens a `soraBurned` subscription on the
 * standby, signals the leader (SIGKILL: the lock dies with its PostgreSQL session; SIGTERM: it drains
 * and releases it), sells SORA at once, and times from the signal to the standby's `/readyz` saying
 * `leader: true` (polled every 25 ms), and from the sell being sent to the burn reaching the
 * standby's subscriber. The signalled replica is then restarted and waits as the next standby.
 * A standby reports ready just after its first failed try of the lock, so a signal sent at once would
 * always land at the start of its retry cycle (the worst case); a random pause of up to one retry
 * interval first lets the signal land anywhere in the cycle, as a crash in production does.
 * Repeated for INDEXER_LOCK_RETRY_MS = 5000 (the default) and 500: a standby tries the lock that often.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { writeManifest } from "@luma-pulse/protocol";
import { parseUnits } from "viem";
import { startProtocolChain } from "../services/gateway/test/startProtocolChain.ts";
import { subscribeOverSse } from "../services/gateway/test/subscribeOverSse.ts";
import { freePort } from "../test/topology/helpers/freePort.ts";
import { waitUntil } from "../test/topology/helpers/waitUntil.ts";
import { createThrowawayDatabase } from "./helpers/createThrowawayDatabase.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** Generous: a replica on a busy 2-core machine takes a while to start under tsx. */
const STARTUP_MS = 120_000;
/** Over the replicas' 30 s safety poll: a lost push still arrives and shows as a long latency. */
const DELIVERY_MS = 60_000;

/** A gateway replica in a process of its own; spawnService is vitest-bound, so a small one here. */
type Replica = { url: string; child: ChildProcess; exited: Promise<unknown>; output(): string };
type Readiness = { ready: boolean; leader: boolean };
type Burned = { soraBurned: { txHash: string } };

const live = new Set<Replica>();

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "services/gateway/src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text = (text + chunk).slice(-10_000);
    });
  }
  const replica: Replica = {
    url: `http://127.0.0.1:${port}`,
    child,
    exited: once(child, "exit"),
    output: () => text,
  };
  live.add(replica);
  void replica.exited.then(() => live.delete(replica));
  return replica;
}

async function readiness(replica: Replica): Promise<Readiness | undefined> {
  try {
    const response = await fetch(`${replica.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    const body = (await response.json()) as { ready?: boolean; leader?: boolean };
    return { ready: body.ready === true, leader: body.leader === true };
  } catch {
    return undefined;
  }
}

const waitReady = (replica: Replica, what: string, check: (state: Readiness) => boolean) =>
  waitUntil(
    what,
    async () =>
      replica.child.exitCode === null && check((await readiness(replica)) ?? { ready: false, leader: false }),
    {
      timeoutMs: STARTUP_MS,
      intervalMs: 100,
      detail: replica.output,
    },
  );

async function stop(replica: Replica, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  replica.child.kill(signal);
  await replica.exited;
}

type Sample = { handoverMs: number; deliveryMs: number };

/**
 * One handover: `leader` gets `signal` while `standby` holds a subscription; the sell goes out right
 * after. Returns the timings and the replacement for the signalled replica, once it stands by.
 */
async function handover(
  leader: Replica,
  standby: Replica,
  signal: NodeJS.Signals,
  env: Record<string, string>,
  sell: () => Promise<string>,
): Promise<Sample & { replacement: Replica }> {
  const burns = await subscribeOverSse<Burned>(
    `${standby.url}/graphql`,
    "subscription { soraBurned { txHash } }",
  );
  try {
    await sleep(Math.random() * Number(env.INDEXER_LOCK_RETRY_MS));
    const signalled = performance.now();
    leader.child.kill(signal);
    // Never rejects (NaN past the deadline), so a failed delivery below is the one error reported.
    const leading = (async () => {
      while (!(await readiness(standby))?.leader) {
        if (performance.now() - signalled > STARTUP_MS) return Number.NaN;
        await sleep(25);
      }
      return performance.now() - signalled;
    })();
    const sent = performance.now();
    const txHash = await sell();
    const { data, errors } = await burns.next(DELIVERY_MS);
    const deliveryMs = performance.now() - sent;
    if (errors || data?.soraBurned.txHash !== txHash)
      throw new Error(`expected burn ${txHash}, got ${JSON.stringify({ data, errors })}`);
    const handoverMs = await leading;
    if (Number.isNaN(handoverMs)) throw new Error(`the standby did not lead:\n${standby.output()}`);
    await leader.exited;
    const replacement = await startReplica(env);
    await waitReady(replacement, "the restarted replica stands by", (state) => state.ready && !state.leader);
    return { handoverMs, deliveryMs, replacement };
  } finally {
    burns.close();
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2
      ? (sorted[Math.floor(middle)] ?? Number.NaN)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const ms = (value: number | undefined) => `${(value ?? Number.NaN).toFixed(0)} ms`;
  return `min ${ms(sorted[0])}, median ${ms(median)}, max ${ms(sorted.at(-1))}`;
};
const loads = () =>
  loadavg()
    .map((load) => load.toFixed(1))
    .join(" ");

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 4);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average ${loads()}`,
  );
  const chain = await startProtocolChain();
  const directory = await mkdtemp(join(tmpdir(), "luma-handover-"));
  const postgres = await createThrowawayDatabase(
    process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    "handover",
  );
  try {
    if (!postgres) throw new Error("no PostgreSQL answers at BENCH_POSTGRES_URL: replicas need one");
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, parseUnits("100000", 18));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.1", 18));
    // Small sells, so that every round of every case has SORA to burn.
    const burnAmount = (await actors.read.balance(manifest.contracts.sora, members.alice)) / 100n;
    const sell = async () => (await actors.sellSora(members.alice, burnAmount)).transactionHash.toLowerCase();
    // Migrated once, as compose's `migrate` service does before the replicas start.
    await (await openDatabase(createDbConfig({ DATABASE_URL: postgres.url }))).close();
    const manifestPath = join(directory, "manifest.json");
    await writeManifest(manifestPath, manifest);

    for (const retryMs of [5000, 500]) {
      const env = {
        LUMA_MANIFEST: manifestPath,
        DATABASE_URL: postgres.url,
        DATABASE_MIGRATE: "0",
        REDIS_URL: process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379",
        REDIS_PREFIX: `luma-bench-handover-${randomBytes(6).toString("hex")}:`,
        INDEXER_LOCK_RETRY_MS: String(retryMs),
        RATE_LIMIT_PER_IP: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
      };
      // The first leads; the second, started once it does, stands by.
      let leader = await startReplica(env);
      await waitReady(leader, "the first replica leads", (state) => state.ready && state.leader);
      let standby = await startReplica(env);
      await waitReady(standby, "the second replica stands by", (state) => state.ready && !state.leader);
      for (const signal of ["SIGKILL", "SIGTERM"] as const) {
        const samples: Sample[] = [];
        for (let round = 0; round < rounds; round++) {
          const sample = await handover(leader, standby, signal, env, sell);
          samples.push(sample);
          [leader, standby] = [standby, sample.replacement];
        }
        console.log(`\nINDEXER_LOCK_RETRY_MS=${retryMs}, ${signal} of the leader, ${rounds} rounds:`);
        console.log(`  standby leads (/readyz) after the signal: ${stats(samples.map((s) => s.handoverMs))}`);
        console.log(
          `  burn sent after the signal → standby's SSE subscriber: ${stats(samples.map((s) => s.deliveryMs))}`,
        );
        console.log(
          `  raw handover ms: ${samples.map((s) => s.handoverMs.toFixed(0)).join(", ")}; raw delivery ms: ${samples.map((s) => s.deliveryMs.toFixed(0)).join(", ")}`,
        );
      }
      await Promise.all([stop(leader), stop(standby)]);
    }
    console.log(`\nload average after: ${loads()}`);
  } finally {
    await Promise.all([...live].map((replica) => stop(replica, "SIGKILL")));
    await postgres?.drop();
    await chain.anvil.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
