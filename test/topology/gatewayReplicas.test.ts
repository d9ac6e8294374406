import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { writeManifest } from "@luma-pulse/protocol";
import { soraAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type BurnTotal,
  expectConsecutiveBurns,
} from "../../services/gateway/test/expectConsecutiveBurns.ts";
import { readIndexedBurns } from "../../services/gateway/test/readIndexedBurns.ts";
import { setupChain } from "../../services/gateway/test/setupChain.ts";
import {
  type SseResult,
  type SseSubscription,
  subscribeOverSse,
} from "../../services/gateway/test/subscribeOverSse.ts";
import { deferTeardown } from "../helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../helpers/setupThrowawayPostgres.ts";
import { type GatewayReplica, startGatewayReplica } from "./helpers/startGatewayReplica.ts";
import { waitUntil } from "./helpers/waitUntil.ts";

/** How often the standby tries to take the indexer lock: the handover is bounded by it. */
const LOCK_RETRY_MS = 500;
/** The "within seconds": the retry interval plus room for a busy machine. */
const HANDOVER_BOUND_MS = LOCK_RETRY_MS + 10_000;
/**
 * How long a subscriber waits for a burn: well under the replicas' 30 s safety poll of the index, so
 * that only the push path (the leader's tick through Redis) can deliver it in time, never the poll.
 */
const PUSHED_WITHIN_MS = 15_000;
const BURN_FIELDS = "id txHash logIndex amount { raw } totalBurned { raw }";

type Burn = {
  id: string;
  txHash: string;
  logIndex: number;
  amount: { raw: string };
  totalBurned: { raw: string };
};

/**
 * The gateway scaled out as compose runs it: two processes (`npm run gateway`) on one PostgreSQL
 * and one Redis. One holds the indexer lock; the other serves from the shared index, its
 * subscriptions fed through Redis, and takes the lock when the leader dies.
 */
describe("two gateway replicas", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let replicas: GatewayReplica[];
  /** What one sell burns: small, so that the test can burn dozens of times. */
  let burnAmount: bigint;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, parseUnits("100000", 18));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.1", 18));
    burnAmount = (await actors.read.balance(manifest.contracts.sora, members.alice)) / 100n;

    // Migrated once here, as compose's `migrate` service does before the replicas start.
    const databaseUrl = await setupThrowawayPostgres("topology_gw");
    database = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl }));
    deferTeardown(() => database.close());
    const directory = await mkdtemp(join(tmpdir(), "luma-topology-"));
    deferTeardown(() => rm(directory, { recursive: true, force: true }));
    const manifestPath = join(directory, "manifest.json");
    await writeManifest(manifestPath, manifest);

    const env = {
      LUMA_MANIFEST: manifestPath,
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATE: "0",
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      REDIS_PREFIX: `luma-topology-${randomBytes(6).toString("hex")}:`,
      INDEXER_LOCK_RETRY_MS: String(LOCK_RETRY_MS),
      RATE_LIMIT_PER_IP: "100000",
      LOG_LEVEL: "info",
    };
    replicas = await Promise.all([startGatewayReplica("a", env), startGatewayReplica("b", env)]);
    await waitUntil(
      "both replicas are ready (a proxy routes to both), one of them leading",
      async () => {
        const states = await Promise.all(replicas.map((replica) => replica.readiness()));
        const ready = states.filter((state) => state.answered).filter((state) => state.ready);
        return ready.length === 2 && ready.filter((state) => state.leader).length === 1;
      },
      { timeoutMs: 90_000, intervalMs: 250, detail: describeReplicas },
    );
  }, 180_000);

  async function describeReplicas(): Promise<string> {
    const lines = await Promise.all(
      replicas.map(
        async (replica) =>
          `--- replica ${replica.name} (${replica.url}): ${JSON.stringify(await replica.readiness())}\n${replica.process.output()}`,
      ),
    );
    return lines.join("\n");
  }

  /** The live replicas by role, as their `/readyz` says. */
  async function roles(): Promise<{ leader: GatewayReplica; standby: GatewayReplica }> {
    const states = await Promise.all(
      replicas.map(async (replica) => ({ replica, state: await replica.readiness() })),
    );
    const leader = states.find(({ state }) => state.answered && state.leader)?.replica;
    const standby = states.find(({ state }) => state.answered && !state.leader)?.replica;
    if (!leader || !standby) throw new Error(`no leader and standby pair:\n${await describeReplicas()}`);
    return { leader, standby };
  }

  const burnsOf = (replica: GatewayReplica) =>
    subscribeOverSse<{ soraBurned: Burn }>(
      `${replica.url}/graphql`,
      `subscription { soraBurned { ${BURN_FIELDS} } }`,
    );
  const burnOf = (result: SseResult<{ soraBurned: Burn }>): Burn => {
    expect(result.errors).toBeUndefined();
    return result.data?.soraBurned as Burn;
  };
  /** The next burn `replica` pushes; a timeout names the replica and shows its log. */
  const nextBurn = async (burns: SseSubscription<{ soraBurned: Burn }>, replica: GatewayReplica) => {
    const result = await burns.next(PUSHED_WITHIN_MS).catch((error: Error) => {
      throw new Error(`replica ${replica.name}: ${error.message}\n${replica.process.output()}`);
    });
    return burnOf(result);
  };
  /** Sells SORA: one burn; its transaction hash. */
  const burn = async () => {
    const receipt = await chain.actors.sellSora(chain.members.alice, burnAmount);
    return receipt.transactionHash.toLowerCase();
  };
  const asBurnTotal = (burn: Burn): BurnTotal => ({
    txHash: burn.txHash,
    logIndex: burn.logIndex,
    amount: BigInt(burn.amount.raw),
    totalBurned: BigInt(burn.totalBurned.raw),
  });

  it("a subscription opened on replica A receives a burn indexed by replica B's leader", async () => {
    const { leader, standby } = await roles();
    // The leader's own subscribers hear its ticks through Redis too.
    const subscriptions = [
      { replica: standby, burns: await burnsOf(standby) },
      { replica: leader, burns: await burnsOf(leader) },
    ];
    const txHash = await burn();
    for (const { replica, burns } of subscriptions) {
      const received = await nextBurn(burns, replica);
      burns.close();
      expect(received.txHash).toBe(txHash);
      expect(BigInt(received.amount.raw)).toBe(burnAmount);
    }
  });

  it("killing the indexer leader hands the lock to the other replica within seconds with no gap", async () => {
    const { leader, standby } = await roles();
    const burns = await burnsOf(standby);
    const mined: string[] = [];
    for (let i = 0; i < 3; i++) mined.push(await burn());

    // No stop, no drain: the lock's PostgreSQL session dies with the process.
    leader.process.child.kill("SIGKILL");
    await leader.process.exited;
    const killedAt = Date.now();
    // Burns go on through the handover, while no replica indexes, and a few after it.
    let handedOver = false;
    let handoverMs = Number.POSITIVE_INFINITY;
    const burning = (async () => {
      for (let i = 0; !handedOver && i < 40; i++) {
        mined.push(await burn());
        await sleep(200);
      }
      for (let i = 0; i < 3; i++) mined.push(await burn());
    })();
    try {
      await waitUntil(
        "the standby took the indexer lock",
        async () => {
          const state = await standby.readiness();
          return state.answered && state.leader;
        },
        { timeoutMs: HANDOVER_BOUND_MS, intervalMs: 100, detail: describeReplicas },
      );
      handoverMs = Date.now() - killedAt;
    } finally {
      handedOver = true;
      await burning;
    }
    expect(handoverMs).toBeLessThan(HANDOVER_BOUND_MS);

    const received: Burn[] = [];
    while (received.length < mined.length) received.push(await nextBurn(burns, standby));
    // Nothing more comes: no burn twice.
    await expect(burns.next(2_000)).rejects.toThrow(/no subscription event/);
    burns.close();
    const chainTotal = await chain.actors.read.soraBurned();
    expect(received.map((burn) => burn.txHash)).toEqual(mined);
    expectConsecutiveBurns(received.map(asBurnTotal), chainTotal);

    // The index holds every burn of the chain once, the new leader's and the old one's alike.
    const onChain = await chain.client.getContractEvents({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      eventName: "SoraBurned",
      fromBlock: 0n,
    });
    const indexed = await readIndexedBurns(database.prisma);
    expect(indexed.map((burn) => burn.txHash.toLowerCase())).toEqual(
      onChain.map((log) => log.transactionHash.toLowerCase()),
    );
    expectConsecutiveBurns(indexed, chainTotal, 0n);
    const state = await standby.readiness();
    expect(state).toMatchObject({ answered: true, leader: true, ready: true });
  }, 150_000);
});
