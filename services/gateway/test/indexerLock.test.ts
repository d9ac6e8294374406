import pg from "pg";
import { describe, expect, it } from "vitest";
import { leadIndexer, tryIndexerLock } from "../src/indexer/index.ts";

/** The machine's PostgreSQL (trust auth), as the db package's tests use it; TEST_POSTGRES_URL points elsewhere. */
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    console.info(`PostgreSQL does not answer at ${POSTGRES_URL}: the indexer lock tests do not run.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const available = await postgresAnswers();
// A chain id of its own per run, so parallel runs on the same server do not contend.
const chainId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
const noop = () => {};

/** Kills the connections that hold this run's lock, as a crashed replica or a network cut would. */
async function terminateLockHolders(): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted",
      [chainId],
    );
  } finally {
    await admin.end();
  }
}

/** A stand-in indexer that records whether it runs. */
function recordingIndexer() {
  const state = { running: false, starts: 0 };
  return {
    state,
    start: () => {
      state.running = true;
      state.starts += 1;
    },
    stop: async () => {
      state.running = false;
    },
  };
}

describe.runIf(available)("tryIndexerLock", () => {
  it("lets one process at a time hold a chain's lock, and the next one take it after release", async () => {
    const first = await tryIndexerLock(POSTGRES_URL, chainId, noop);
    expect(first).toBeDefined();
    expect(await tryIndexerLock(POSTGRES_URL, chainId, noop)).toBeUndefined();
    const otherChain = await tryIndexerLock(POSTGRES_URL, chainId + 1, noop);
    expect(otherChain).toBeDefined();
    await first?.release();
    await otherChain?.release();
    const second = await tryIndexerLock(POSTGRES_URL, chainId, noop);
    expect(second).toBeDefined();
    await second?.release();
  });

  it("reports a lost lock when its connection dies", async () => {
    const errors: Error[] = [];
    const lock = await tryIndexerLock(POSTGRES_URL, chainId, (error) => errors.push(error));
    await terminateLockHolders();
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await lock?.release();
    const next = await tryIndexerLock(POSTGRES_URL, chainId, noop);
    expect(next).toBeDefined();
    await next?.release();
  });
});

describe.runIf(available)("leadIndexer", () => {
  it("runs one replica's indexer; the standby takes over when the leader stops or loses its lock", async () => {
    const a = recordingIndexer();
    const b = recordingIndexer();
    const leaderA = leadIndexer({ indexer: a, databaseUrl: POSTGRES_URL, chainId, retryMs: 20, log: noop });
    await expect.poll(() => a.state.running).toBe(true);
    const leaderB = leadIndexer({ indexer: b, databaseUrl: POSTGRES_URL, chainId, retryMs: 20, log: noop });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([leaderA.isLeader(), leaderB.isLeader(), b.state.running]).toEqual([true, false, false]);

    await leaderA.stop();
    expect(a.state.running).toBe(false);
    await expect.poll(() => b.state.running).toBe(true);

    await terminateLockHolders();
    await expect.poll(() => b.state.starts).toBe(2); // stopped on the lost lock, then led again
    expect(b.state.running).toBe(true);
    await leaderB.stop();
    expect(b.state.running).toBe(false);
  });

  it("runs the indexer at once on the embedded database (no DATABASE_URL)", async () => {
    const a = recordingIndexer();
    const leader = leadIndexer({ indexer: a, databaseUrl: undefined, chainId, log: noop });
    expect([leader.isLeader(), a.state.running]).toEqual([true, true]);
    await leader.stop();
    expect(a.state.running).toBe(false);
  });
});
