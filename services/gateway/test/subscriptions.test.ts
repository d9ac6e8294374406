import { randomBytes } from "node:crypto";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { advanceChainBy } from "@luma-pulse/devnet";
import { rebaseStakingAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import pg from "pg";
import { getAddress, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { encodeEventId } from "../src/events/eventId.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";
import { type SseResult, subscribeOverSse } from "./subscribeOverSse.ts";

const e18 = (value: string) => parseUnits(value, 18);
const BURN_FIELDS =
  "id amount { raw symbol } reason totalBurned { raw } from txHash logIndex block { number }";

type Burn = {
  id: string;
  amount: { raw: string; symbol: string };
  reason: string;
  totalBurned: { raw: string };
  from: string;
  txHash: string;
  block: { number: string };
};

describe("subscriptions", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    // Alice gets SORA to sell: quota from an option stake, LUMA from the market, then one buy.
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.1"));
    gateway = await startReadyGateway(chain);
  });

  const sell = async (sora: string) => {
    const receipt = await chain.actors.sellSora(chain.members.alice, e18(sora));
    return {
      txHash: receipt.transactionHash.toLowerCase(),
      blockNumber: BigInt(receipt.logs[0]?.blockNumber ?? -1),
    };
  };
  const subscribe = <T>(url: string, query: string, variables?: Record<string, unknown>) =>
    subscribeOverSse<T>(`${url}/graphql`, query, variables);
  const burnsOf = (url: string, args = "") =>
    subscribe<{ soraBurned: Burn }>(url, `subscription { soraBurned${args} { ${BURN_FIELDS} } }`);
  const burnOf = (result: SseResult<{ soraBurned: Burn }>) => {
    expect(result.errors).toBeUndefined();
    return result.data?.soraBurned as Burn;
  };
  /** The error a subscription is refused with: the one message of its stream. */
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const subscription = await subscribe(gateway.url, query, variables);
    const result = await subscription.next();
    subscription.close();
    expect(result.data ?? null).toBeNull();
    return result.errors?.[0];
  };

  describe("soraBurned", () => {
    it("delivers a burn mined after subscribing, with its amount, reason, burner and transaction", async () => {
      const burns = await burnsOf(gateway.url);
      const mined = await sell("3");
      const burn = burnOf(await burns.next());
      burns.close();
      expect(burn).toMatchObject({
        amount: { raw: e18("3").toString(), symbol: "SORA" },
        reason: "SELL",
        // A sell burns the SORA the pool received.
        from: getAddress(chain.manifest.contracts.soraLumaPool),
        txHash: mined.txHash,
        block: { number: mined.blockNumber.toString() },
      });
      expect(BigInt(burn.totalBurned.raw)).toBe(await chain.actors.read.soraBurned());
    });

    it("leaves out burns below minAmount", async () => {
      const bigBurns = await burnsOf(gateway.url, `(minAmount: "${e18("5")}")`);
      await sell("1");
      const big = await sell("7");
      const burn = burnOf(await bigBurns.next());
      bigBurns.close();
      expect(burn).toMatchObject({ amount: { raw: e18("7").toString() }, txHash: big.txHash });
    });

    it("resumes after the last id it saw: exactly the burns it missed, then live ones", async () => {
      const watcher = await burnsOf(gateway.url);
      const first = await burnsOf(gateway.url);
      await sell("1.5");
      const seen = burnOf(await first.next());
      first.close();
      const missed = [await sell("2.5"), await sell("3.5")];
      // Once the watcher has them, they are indexed: the resumed stream must find them in the database.
      for (let i = 0; i < 3; i++) burnOf(await watcher.next());
      watcher.close();

      const resumed = await burnsOf(gateway.url, `(after: "${seen.id}")`);
      const caughtUp = [burnOf(await resumed.next()), burnOf(await resumed.next())];
      const live = await sell("4.5");
      const next = burnOf(await resumed.next());
      resumed.close();
      expect(caughtUp.map((burn) => burn.txHash)).toEqual(missed.map((burn) => burn.txHash));
      expect(caughtUp.map((burn) => burn.amount.raw)).toEqual([e18("2.5").toString(), e18("3.5").toString()]);
      expect(next).toMatchObject({ txHash: live.txHash, amount: { raw: e18("4.5").toString() } });
      expect(new Set([seen.id, ...caughtUp.map((burn) => burn.id), next.id]).size).toBe(4);
    });

    it("error: refuses an after that is not one of its event ids", async () => {
      const query = "subscription ($after: String) { soraBurned(after: $after) { id } }";
      expect(await refusal(query, { after: "not-an-id" })).toMatchObject({
        extensions: { code: "INVALID_EVENT_ID" },
      });
      // A well-formed id of another subscription is no resume point for this one.
      const rebaseId = encodeEventId("rebase", { blockNumber: 1n, logIndex: 0 });
      expect(await refusal(query, { after: rebaseId })).toMatchObject({
        message: expect.stringContaining(rebaseId),
        extensions: { code: "INVALID_EVENT_ID" },
      });
    });

    it("error: refuses a negative minAmount", async () => {
      const error = await refusal('subscription { soraBurned(minAmount: "-1") { id } }');
      expect(error).toMatchObject({
        extensions: { code: "AMOUNT_OUT_OF_RANGE", params: { name: "minAmount", value: "-1" } },
      });
    });
  });

  describe("largeStake", () => {
    type Stake = {
      largeStake: { kind: string; staker: string; luma: { raw: string }; pop: { raw: string } | null };
    };
    const query = "subscription { largeStake { id kind staker luma { raw } pop { raw } positionId txHash } }";

    it("delivers rebase and option stakes of at least 10,000 LUMA, and not a small one", async () => {
      const stakes = await subscribe<Stake>(gateway.url, query);
      await chain.actors.optionStake(chain.members.bob, e18("100")); // about 50 LUMA of principal
      await chain.actors.rebaseStake(chain.members.bob, parseUnits("20000", 6)); // about 19,800 LUMA
      await chain.actors.optionStake(chain.members.bob, e18("100000")); // about 48,000 LUMA
      const [rebase, option] = [
        (await stakes.next()).data?.largeStake,
        (await stakes.next()).data?.largeStake,
      ];
      stakes.close();
      expect(rebase).toMatchObject({ kind: "REBASE", staker: getAddress(chain.members.bob), pop: null });
      expect(BigInt(rebase?.luma.raw ?? 0)).toBeGreaterThanOrEqual(e18("10000"));
      expect(option).toMatchObject({ kind: "OPTION", pop: { raw: e18("100000").toString() } });
      expect(BigInt(option?.luma.raw ?? 0)).toBeGreaterThanOrEqual(e18("10000"));
    });
  });

  describe("rebased", () => {
    it("delivers a rebase epoch with the new index and the LUMA minted", async () => {
      type Rebased = {
        rebased: { epoch: string; index: string; lumaMinted: { raw: string }; txHash: string };
      };
      const rebases = await subscribe<Rebased>(
        gateway.url,
        "subscription { rebased { id epoch index lumaMinted { raw } txHash } }",
      );
      const before = await chain.client.getBlockNumber();
      await advanceChainBy(chain.deployer, 8n * 3600n + 1n);
      await chain.actors.rebaseIfDue();
      const [onChain] = await chain.client.getContractEvents({
        address: chain.manifest.contracts.rebaseStaking,
        abi: rebaseStakingAbi,
        eventName: "Rebase",
        fromBlock: before + 1n,
      });
      const rebased = (await rebases.next()).data?.rebased;
      rebases.close();
      expect(rebased).toMatchObject({
        epoch: onChain?.args.epoch?.toString(),
        index: onChain?.args.index?.toString(),
        lumaMinted: { raw: onChain?.args.lumaMinted?.toString() },
        txHash: onChain?.transactionHash.toLowerCase(),
      });
    });
  });

  describe("across replicas", () => {
    let leader: RunningGateway;
    let standby: RunningGateway;

    beforeAll(async () => {
      ({ leader, standby } = await startTwoReplicas());
    });

    it("delivers a burn indexed by the leader to a subscriber on a standby replica, through Redis", async () => {
      const burns = await burnsOf(standby.url);
      const mined = await sell("6");
      const burn = burnOf(await burns.next());
      burns.close();
      expect(burn).toMatchObject({ txHash: mined.txHash, amount: { raw: e18("6").toString() } });
      // The standby holds no indexer lock, yet serves the leader's index: both are ready.
      expect(await (await fetch(`${standby.url}/readyz`)).json()).toMatchObject({
        ready: true,
        leader: false,
      });
      expect(await (await fetch(`${leader.url}/readyz`)).json()).toMatchObject({ ready: true, leader: true });
    });

    it("gives a subscriber every burn of a burst in order, even beyond what the replica buffers for it", async () => {
      // The standby buffers one event per subscriber and reads pages of two: a block of three burns
      // overflows the buffer, and the subscriber catches up from the database.
      const burns = await burnsOf(standby.url);
      const sent = await sellInOneBlock(["1.25", "2.25", "3.25"]);
      const received = [burnOf(await burns.next()), burnOf(await burns.next()), burnOf(await burns.next())];
      burns.close();
      expect(received.map((burn) => burn.txHash)).toEqual(sent);
      expect(received.map((burn) => burn.amount.raw)).toEqual(
        ["1.25", "2.25", "3.25"].map((a) => e18(a).toString()),
      );
    });
  });

  describe("reorgs", () => {
    it("steps back to the fork and delivers the burn that replaced one it had sent", async () => {
      const burns = await burnsOf(gateway.url);
      // A sell before the fork, so that Alice's approval of the pool is not reverted with it. Burns
      // this gateway indexed just before the subscription began (the replica tests') may come first.
      const marker = await sell("0.5");
      for (let burn = burnOf(await burns.next()); burn.txHash !== marker.txHash; )
        burn = burnOf(await burns.next());
      const snapshot = await chain.deployer.snapshot();
      const orphan = await sell("8");
      expect(burnOf(await burns.next())).toMatchObject({ txHash: orphan.txHash });
      // The orphan's block is replaced by one at the same height with another burn.
      await chain.deployer.revert({ id: snapshot });
      const replacement = await sell("9");
      const burn = burnOf(await burns.next());
      burns.close();
      expect(replacement.blockNumber).toBe(orphan.blockNumber);
      expect(burn).toMatchObject({ txHash: replacement.txHash, amount: { raw: e18("9").toString() } });
    });
  });

  /** Alice's sells, all mined in one block; their transaction hashes in order. */
  async function sellInOneBlock(amounts: string[]): Promise<string[]> {
    const { deployer, manifest, members } = chain;
    await deployer.setAutomine(false);
    try {
      const hashes: string[] = [];
      for (const amount of amounts) {
        const hash = await deployer.writeContract({
          account: members.alice,
          address: manifest.contracts.soraLumaPool,
          abi: soraLumaPoolAbi,
          functionName: "swapExactIn",
          args: [manifest.contracts.sora, e18(amount), 0n, members.alice],
          gas: 1_000_000n,
        });
        hashes.push(hash.toLowerCase());
      }
      await deployer.mine({ blocks: 1 });
      return hashes;
    } finally {
      await deployer.setAutomine(true);
    }
  }

  /**
   * Two gateways on one throwaway PostgreSQL database and the real Redis, with a channel prefix of
   * their own: the first takes the indexer lock, the second stands by. The standby never polls the
   * database for missed ticks, so only Redis can bring it events; it buffers one event per subscriber.
   */
  async function startTwoReplicas() {
    const name = `luma_subscriptions_${randomBytes(6).toString("hex")}`;
    const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    await withPostgres(admin, (client) => client.query(`CREATE DATABASE ${name}`));
    deferTeardown(() =>
      withPostgres(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    );
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const shared = {
      manifest: chain.manifest,
      port: 0,
      log: () => {},
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      redisChannelPrefix: `luma-test-${randomBytes(6).toString("hex")}:`,
    };
    const start = async (subscriptions?: Parameters<typeof startGateway>[0]["subscriptions"]) => {
      const database = await openDatabase(createDbConfig({ DATABASE_URL: url.toString() }));
      deferTeardown(() => database.close());
      const gateway = await startGateway({ ...shared, database, subscriptions });
      deferTeardown(() => gateway.stop());
      return gateway;
    };
    const leader = await start();
    const deadline = Date.now() + 30_000;
    while ((await fetch(`${leader.url}/readyz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error("the leader did not catch up");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { leader, standby: await start({ safetyPollMs: 3_600_000, queueCapacity: 1, pageSize: 2 }) };
  }
});

async function withPostgres(url: string, use: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
