import { randomBytes } from "node:crypto";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { soraAbi } from "@luma-pulse/protocol/abis";
import pg from "pg";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { createProtectionConfig } from "../src/protection/createProtectionConfig.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { chainTotalBurned } from "./chainTotalBurned.ts";
import { expectConsecutiveBurns } from "./expectConsecutiveBurns.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { startCuttableProxy } from "./startCuttableProxy.ts";

/** The machine's PostgreSQL (trust auth), as the other PostgreSQL tests use it; TEST_POSTGRES_URL points elsewhere. */
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type Burn = { txHash: string; logIndex: number; amount: { raw: string }; totalBurned: { raw: string } };

const BURN_COUNT = "{ sora { burns(first: 5) { totalCount } } }";
let requestNumber = 0;
/**
 * BURN_COUNT made a new document each time: the per-block response cache may answer a repeat of
 * the same document at the same block without the database, and these tests need each request to
 * reach it (the cache has its own tests: responseCache.test.ts).
 */
const burnCount = () => `${BURN_COUNT} # request ${++requestNumber}`;

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a database outage", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;
  let gateway: RunningGateway;
  /** What the gateway logged: shown when an expectation about recovery fails. */
  const logs: string[] = [];

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    // Alice gets SORA to sell (quota from an option stake, LUMA from the market), then burns once.
    await actors.optionStake(members.alice, parseUnits("100000", 18));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.1", 18));
    await sellSomeSora();

    // A throwaway database on the real server, reached only through the proxy.
    const name = `luma_outage_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    deferTeardown(() => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const admin = new URL(POSTGRES_ADMIN_URL);
    proxy = await startCuttableProxy({ host: admin.hostname, port: Number(admin.port || 5432) });
    const url = new URL(admin);
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    const database = await openDatabase(createDbConfig({ DATABASE_URL: url.toString() }));
    deferTeardown(() => database.close());

    gateway = await startGateway({
      database,
      manifest,
      port: 0,
      log: (message) => logs.push(message),
      // The test polls while waiting for recovery: no rate limit in the way.
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "0", RATE_LIMIT_PER_API_KEY: "0" }),
    });
    deferTeardown(() => gateway.stop());
    await waitFor("the gateway to become ready", async () => (await fetch(`${gateway.url}/readyz`)).ok);
    // Ready allows a little lag: wait for the burn itself.
    await waitFor(
      "the first burn to be indexed",
      async () => (await post(burnCount())).body.data?.sora.burns.totalCount === 1,
    );
  });

  /** One SORA burn on the chain: Alice sells a slice of what she holds. */
  async function sellSomeSora() {
    const { actors, members, manifest } = chain;
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    await actors.sellSora(members.alice, held / 10n);
  }

  const post = (query: string, headers: Record<string, string> = {}) =>
    postGraphql(gateway.url, query, headers);

  async function waitFor(what: string, done: () => Promise<boolean>, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; the gateway logged:\n${logs.slice(-20).join("\n")}`);
      }
      await sleep(200);
    }
  }

  /** Every `SoraBurned` the chain emitted. */
  async function chainBurnCount(): Promise<number> {
    const logs = await chain.client.getContractEvents({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      eventName: "SoraBurned",
      fromBlock: 0n,
    });
    return logs.length;
  }

  /** Every burn the gateway lists, newest first. */
  async function indexedBurns(): Promise<Burn[]> {
    const { body } = await post(`{ sora { burns(first: 100) {
      totalCount edges { node { txHash logIndex amount { raw } totalBurned { raw } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.sora.burns.edges.length).toBe(body.data.sora.burns.totalCount);
    return body.data.sora.burns.edges.map((edge: { node: Burn }) => edge.node);
  }

  it("error: a database that goes away mid-request gets DATABASE_UNAVAILABLE, and answers again once it is back", async () => {
    const before = await post(BURN_COUNT);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.sora.burns.totalCount).toBeGreaterThan(0);

    // Mid-request: the query's connection stalls, then the database disappears under it.
    proxy.stall();
    try {
      const inFlight = post(burnCount());
      await sleep(1_000);
      await proxy.cut();
      const { status, body } = await inFlight;
      expect(status).toBe(200);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryable: true });
      expect(body.errors?.[0]?.message).toBe("The database is not answering; try again shortly.");
      // Located on the field that needed the database (`sora`'s launch prices or its `burns`).
      expect(body.errors?.[0]?.path?.[0]).toBe("sora");

      // While it is away: a new query cannot even connect, and still gets the same clear error (in
      // Chinese when asked), never INTERNAL_SERVER_ERROR, and nothing of the cause leaks.
      const refused = await post(burnCount());
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: "DATABASE_UNAVAILABLE",
        retryable: true,
      });
      expect(refused.body.errors?.[0]?.message).toMatch(/try again shortly/);
      expect(refused.body.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma|pg/i);
      // A raw SQL read (Prisma's P2010, the adapter's error in `meta`) maps the same way: the
      // account itself comes from the chain, its sLUMA growth from the database.
      const growth = await post(
        `{ account(address: "${chain.members.alice}") { sLumaGrowth { deposited { raw } } } }`,
      );
      expect(growth.body.errors?.[0]?.extensions).toMatchObject({
        code: "DATABASE_UNAVAILABLE",
        retryable: true,
      });
      expect(growth.body.errors?.[0]?.path).toEqual(["account", "sLumaGrowth"]);
      const zh = await post(burnCount(), { "accept-language": "zh" });
      expect(zh.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(zh.body.errors?.[0]?.message).toBe("数据库暂无响应，请稍后重试。");
      // The process keeps answering what does not need the database.
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      expect((await post("{ __typename }")).body.data).toEqual({ __typename: "Query" });
      expect((await post("{ protocol { chainId } }")).body).toEqual({
        data: { protocol: { chainId: chain.manifest.chainId } },
      });
    } finally {
      await proxy.restore();
    }

    // Back: the same query answers data again, on the same server.
    await waitFor("the burn count to answer again", async () => !(await post(burnCount())).body.errors);
    const after = await post(burnCount());
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.sora.burns.totalCount).toBe(before.body.data.sora.burns.totalCount);
  });

  it("indexes every burn mined while the database was away once it is back: none missed, none twice, running totals consecutive", async () => {
    // First a burn indexed live: the indexer leads again after the last outage, and is caught up.
    await sellSomeSora();
    await waitFor("the index to hold every burn before the outage", async () => {
      const { body } = await post(burnCount());
      return body.data?.sora.burns.totalCount === (await chainBurnCount());
    });
    const before = await chainBurnCount();

    // The database goes away; burns keep coming on the chain, and the indexer cannot write them.
    const loggedBefore = logs.length;
    await proxy.cut();
    try {
      for (let i = 0; i < 4; i++) {
        await sellSomeSora();
        await sleep(500);
      }
      await sleep(2_000);
      expect((await post(burnCount())).body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      // The outage reached the indexer (it lost its lock's connection, or a sync failed).
      expect(logs.slice(loggedBefore).join("\n")).toMatch(/indexer: (lost the indexer lock|sync failed)/);
    } finally {
      await proxy.restore();
    }

    const onChain = await chainBurnCount();
    expect(onChain).toBe(before + 4);
    await waitFor(
      "the indexer to catch up after the outage",
      async () => (await post(burnCount())).body.data?.sora.burns.totalCount === onChain,
    );
    expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);

    const burns = await indexedBurns();
    expect(burns).toHaveLength(onChain);
    // Oldest first, each running total is the previous one plus this burn: no gap, no repeat.
    const oldestFirst = [...burns].reverse().map(({ txHash, logIndex, amount, totalBurned }) => ({
      txHash,
      logIndex,
      amount: BigInt(amount.raw),
      totalBurned: BigInt(totalBurned.raw),
    }));
    expectConsecutiveBurns(oldestFirst, await chainTotalBurned(chain), 0n);
  });

  it("error: /readyz answers 503 'database not answering' while the database is away, and 200 once it is back", async () => {
    const readiness = async () => {
      const response = await fetch(`${gateway.url}/readyz`);
      return { status: response.status, ...((await response.json()) as { problems: string[] }) };
    };
    await proxy.cut();
    try {
      await expect
        .poll(readiness, { timeout: 30_000, interval: 300 })
        .toMatchObject({ status: 503, problems: expect.arrayContaining(["database not answering"]) });
    } finally {
      await proxy.restore();
    }
    await waitFor("/readyz to answer 200 again", async () => (await readiness()).status === 200);
  });
});
