import { advanceChainTo } from "@luma-pulse/devnet";
import { soraAbi } from "@luma-pulse/protocol/abis";
import { getAddress, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { BURN_MILESTONE_PERCENTS } from "../src/db/readBurnMilestones.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const HOUR = 3_600;
const DAY = 24 * HOUR;
const MAX_SUPPLY = 210_000_000n * 10n ** 18n;

/** A burn as the chain emitted it: the truth every answer is checked against. */
type ChainBurn = {
  blockNumber: bigint;
  logIndex: number;
  txHash: string;
  time: Date;
  from: string;
  amount: bigint;
  reason: "SELL" | "BUYBACK";
  totalBurned: bigint;
};

// biome-ignore lint/suspicious/noExplicitAny: each query decides the shape of its answer
type Answer = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const BURN_FIELDS = `amount { raw symbol } reason totalBurned { raw } from blockNumber time txHash logIndex`;

describe("sora burn history and chart", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;
  /** Midnight UTC of the first day with burns: the test's burns fall on days 0, 1 and 3 after it. */
  let day0: number;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest, deployer } = chain;
    const at = (seconds: number) => advanceChainTo(deployer, BigInt(day0 + seconds));
    day0 = (Math.floor(Number(await actors.now()) / DAY) + 2) * DAY;

    await actors.rebaseStake(members.bob, parseUnits("2000000", 6));
    await actors.optionStake(members.alice, parseUnits("100000", 18)); // 500 SORA of quota
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.05", 18));
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    const sLuma = await actors.read.sLuma(members.bob);

    // Day 0: a buyback from half of a whale's unstake fee, then two sells.
    await at(1 * HOUR + 1800);
    await actors.unstake(members.bob, sLuma / 2n);
    await actors.buyback(members.keeper);
    await at(2 * HOUR + 1800);
    await actors.sellSora(members.alice, held / 4n);
    await at(5 * HOUR + 1800);
    await actors.sellSora(members.alice, held / 8n);
    // Day 1: a sell and the second buyback. Day 2: nothing. Day 3: a run of small sells.
    await at(DAY + 3 * HOUR + 1800);
    await actors.sellSora(members.alice, held / 16n);
    await at(DAY + 4 * HOUR + 1800);
    await actors.unstake(members.bob, await actors.read.sLuma(members.bob));
    await actors.buyback(members.keeper);
    await at(3 * DAY + 1 * HOUR + 1800);
    for (let i = 0; i < 18; i++) await actors.sellSora(members.alice, held / 100n + BigInt(i));
    gateway = await startReadyGateway(chain);
  });

  async function query(document: string): Promise<Answer> {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: document }),
    });
    return (await response.json()) as Answer;
  }

  async function data(document: string) {
    const answer = await query(document);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  }

  async function errorCode(document: string): Promise<string | undefined> {
    const answer = await query(document);
    expect(answer.errors).toHaveLength(1);
    return answer.errors?.[0]?.extensions?.code;
  }

  /** Every `SoraBurned` on the chain, newest first. */
  async function chainBurns(): Promise<ChainBurn[]> {
    const logs = await chain.client.getContractEvents({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      eventName: "SoraBurned",
      fromBlock: 0n,
    });
    const burns = await Promise.all(
      logs.map(async (log) => ({
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        txHash: log.transactionHash,
        time: new Date(
          Number((await chain.client.getBlock({ blockNumber: log.blockNumber })).timestamp) * 1000,
        ),
        from: getAddress(log.args.from ?? ""),
        amount: log.args.amount ?? 0n,
        reason: log.args.reason === 0 ? ("SELL" as const) : ("BUYBACK" as const),
        totalBurned: log.args.totalBurned ?? 0n,
      })),
    );
    return burns.reverse();
  }

  /** A burn as `SoraBurn` returns it. */
  const asAnswer = (b: ChainBurn) => ({
    amount: { raw: b.amount.toString(), symbol: "SORA" },
    reason: b.reason,
    totalBurned: { raw: b.totalBurned.toString() },
    from: b.from,
    blockNumber: b.blockNumber.toString(),
    time: b.time.toISOString(),
    txHash: b.txHash,
    logIndex: b.logIndex,
  });

  /** Pages through `burns(<args>)` with `after` until the last page; returns every node. */
  async function pageThrough(args: string, first: number) {
    const nodes: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page < 30; page++) {
      const cursorArg: string = after ? `, after: "${after}"` : "";
      const { sora } = await data(`{ sora { burns(first: ${first}${cursorArg}${args}) {
        edges { cursor node { ${BURN_FIELDS} } } pageInfo { hasNextPage endCursor } } } }`);
      nodes.push(...sora.burns.edges.map((e: { node: unknown }) => e.node));
      expect(sora.burns.edges.length).toBeLessThanOrEqual(first);
      if (!sora.burns.pageInfo.hasNextPage) return nodes;
      after = sora.burns.pageInfo.endCursor;
    }
    throw new Error("paging did not end");
  }

  describe("burns", () => {
    it("pages forward with `after` through every burn exactly once, newest first", async () => {
      const expected = (await chainBurns()).map(asAnswer);
      expect(expected.length).toBe(23);
      expect(await pageThrough("", 7)).toEqual(expected);
    });

    it("returns 20 burns per page by default, with the total count", async () => {
      const { sora } = await data(`{ sora { burns { totalCount edges { cursor } pageInfo {
        hasNextPage hasPreviousPage startCursor endCursor } } } }`);
      expect(sora.burns.totalCount).toBe(23);
      expect(sora.burns.edges).toHaveLength(20);
      expect(sora.burns.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: sora.burns.edges[0].cursor,
        endCursor: sora.burns.edges[19].cursor,
      });
    });

    it("filters by reason, across pages, and counts only the matching burns", async () => {
      const burns = await chainBurns();
      const buybacks = burns.filter((b) => b.reason === "BUYBACK").map(asAnswer);
      expect(buybacks).toHaveLength(2);
      expect(await pageThrough(", reason: BUYBACK", 1)).toEqual(buybacks);
      const sells = burns.filter((b) => b.reason === "SELL").map(asAnswer);
      expect(await pageThrough(", reason: SELL", 10)).toEqual(sells);
      const { sora } = await data(`{ sora { burns(reason: SELL) { totalCount } } }`);
      expect(sora.burns.totalCount).toBe(sells.length);
    });

    it("filters by a minimum amount in base units, the minimum itself included", async () => {
      const burns = await chainBurns();
      const third = [...burns].sort((a, b) => (a.amount > b.amount ? -1 : 1))[2];
      const minAmount = third?.amount ?? 0n;
      const expected = burns.filter((b) => b.amount >= minAmount).map(asAnswer);
      expect(expected).toHaveLength(3);
      expect(await pageThrough(`, minAmount: "${minAmount}"`, 2)).toEqual(expected);
    });

    it("filters by a time range, `from` included and `to` excluded", async () => {
      const burns = await chainBurns();
      const dayOneStart = new Date((day0 + DAY) * 1000);
      const dayThreeFirstBurn = burns.filter((b) => b.time.getTime() >= (day0 + 3 * DAY) * 1000).at(-1);
      if (!dayThreeFirstBurn) throw new Error("no burn on day 3");
      const expected = burns
        .filter((b) => b.time >= dayOneStart && b.time < dayThreeFirstBurn.time)
        .map(asAnswer);
      expect(expected).toHaveLength(2);
      const range = `, from: "${dayOneStart.toISOString()}", to: "${dayThreeFirstBurn.time.toISOString()}"`;
      expect(await pageThrough(range, 1)).toEqual(expected);
      const fromThatBurn = await pageThrough(`, from: "${dayThreeFirstBurn.time.toISOString()}"`, 20);
      expect(fromThatBurn).toHaveLength(18);
    });

    it("combines filters", async () => {
      const burns = await chainBurns();
      const from = new Date((day0 + DAY) * 1000);
      const expected = burns.filter((b) => b.reason === "BUYBACK" && b.time >= from).map(asAnswer);
      expect(expected).toHaveLength(1);
      expect(
        await pageThrough(`, reason: BUYBACK, from: "${from.toISOString()}", minAmount: "1"`, 5),
      ).toEqual(expected);
    });

    it("error: a page size over 100, a negative or zero one", async () => {
      for (const first of [101, -1, 0]) {
        expect(await errorCode(`{ sora { burns(first: ${first}) { totalCount } } }`)).toBe(
          "PAGE_SIZE_OUT_OF_RANGE",
        );
      }
      // Refused in validation (before the cost limit, which multiplies by it) with the precise code.
      expect(await errorCode(`{ sora { burns(first: 100000) { edges { node { txHash } } } } }`)).toBe(
        "PAGE_SIZE_OUT_OF_RANGE",
      );
      const { sora } = await data(`{ sora { burns(first: 100) { edges { cursor } } } }`);
      expect(sora.burns.edges).toHaveLength(23);
    });

    it("error: a cursor that is not one of ours", async () => {
      const forged = Buffer.from("burn:12:abc").toString("base64url");
      for (const after of ["nonsense", forged, "", Buffer.from("rebase:1:0").toString("base64url")]) {
        expect(await errorCode(`{ sora { burns(after: "${after}") { totalCount } } }`)).toBe(
          "INVALID_CURSOR",
        );
      }
    });

    it("error: a negative or fractional minimum amount", async () => {
      expect(await errorCode(`{ sora { burns(minAmount: "-1") { totalCount } } }`)).toBe(
        "AMOUNT_OUT_OF_RANGE",
      );
      expect(await errorCode(`{ sora { burns(minAmount: "1.5") { totalCount } } }`)).toBe("INVALID_INTEGER");
    });

    it("error: `from` after `to`", async () => {
      const answer = await query(
        `{ sora { burns(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { totalCount } } }`,
      );
      expect(answer.errors?.[0]).toMatchObject({
        message: "from (2026-02-01T00:00:00.000Z) must be before to (2026-01-01T00:00:00.000Z).",
        extensions: { code: "INVALID_TIME_RANGE" },
      });
    });
  });

  describe("burnSeries", () => {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const SERIES_FIELDS = `start end burned { raw } burns burnedBySells { raw } burnedByBuybacks { raw }
      totalBurned { raw }`;

    it("sums each UTC day's burns, split by reason, with an empty day as zeros", async () => {
      const burns = await chainBurns();
      const { sora } = await data(
        `{ sora { burnSeries(interval: DAY, from: "${iso(day0)}", to: "${iso(day0 + 4 * DAY)}") { ${SERIES_FIELDS} } } }`,
      );
      expect(sora.burnSeries.map((b: { start: string }) => b.start)).toEqual(
        [0, 1, 2, 3].map((d) => iso(day0 + d * DAY)),
      );
      for (const bucket of sora.burnSeries) {
        const start = new Date(bucket.start);
        const end = new Date(bucket.end);
        const inBucket = burns.filter((b) => b.time >= start && b.time < end);
        const sum = (list: ChainBurn[]) => list.reduce((total, b) => total + b.amount, 0n).toString();
        expect(bucket).toEqual({
          start: bucket.start,
          end: new Date(start.getTime() + DAY * 1000).toISOString(),
          burned: { raw: sum(inBucket) },
          burns: inBucket.length,
          burnedBySells: { raw: sum(inBucket.filter((b) => b.reason === "SELL")) },
          burnedByBuybacks: { raw: sum(inBucket.filter((b) => b.reason === "BUYBACK")) },
          totalBurned: { raw: (burns.find((b) => b.time < end)?.totalBurned ?? 0n).toString() },
        });
      }
      expect(sora.burnSeries.map((b: { burns: number }) => b.burns)).toEqual([3, 2, 0, 18]);
    });

    it("sums to the burns in range when `from` and `to` cut hour buckets short", async () => {
      const burns = await chainBurns();
      const from = day0 + 2 * HOUR + 1800; // the first day-0 sell's hour, from its half
      const to = day0 + DAY + 4 * HOUR; // the day-1 buyback's hour starts here: excluded
      const { sora } = await data(
        `{ sora { burnSeries(interval: HOUR, from: "${iso(from)}", to: "${iso(to)}") { start burned { raw } } } }`,
      );
      expect(sora.burnSeries).toHaveLength(26);
      expect(sora.burnSeries[0].start).toBe(iso(day0 + 2 * HOUR));
      const total = sora.burnSeries.reduce(
        (sum: bigint, b: { burned: { raw: string } }) => sum + BigInt(b.burned.raw),
        0n,
      );
      const inRange = burns.filter((b) => b.time.getTime() >= from * 1000 && b.time.getTime() < to * 1000);
      expect(inRange).toHaveLength(3);
      expect(total).toBe(inRange.reduce((sum, b) => sum + b.amount, 0n));
    });

    it("defaults to the last 30 days, through the chain's current day, ending at the total burned", async () => {
      const { sora } = await data(
        `{ sora { block { timestamp } burned { raw } burnSeries { start end totalBurned { raw } } } }`,
      );
      expect(sora.burnSeries).toHaveLength(30);
      const last = sora.burnSeries.at(-1);
      expect(new Date(last.start).getTime()).toBeLessThanOrEqual(new Date(sora.block.timestamp).getTime());
      expect(new Date(last.end).getTime()).toBeGreaterThan(new Date(sora.block.timestamp).getTime());
      expect(last.totalBurned.raw).toBe(sora.burned.raw);
    });

    it("starts weeks on Monday", async () => {
      const { sora } = await data(`{ sora { burnSeries(interval: WEEK) { start } } }`);
      expect(sora.burnSeries).toHaveLength(52);
      expect(sora.burnSeries.every((b: { start: string }) => new Date(b.start).getUTCDay() === 1)).toBe(true);
    });

    it("error: more than 1,000 buckets", async () => {
      const answer = await query(
        `{ sora { burnSeries(interval: HOUR, from: "${iso(day0 - 60 * DAY)}", to: "${iso(day0)}") { start } } }`,
      );
      expect(answer.errors?.[0]).toMatchObject({
        message:
          "That range needs 1440 hour buckets; at most 1000 per query. Narrow from/to or use a longer interval.",
        extensions: { code: "TOO_MANY_BUCKETS" },
      });
    });

    it("error: `from` after `to`", async () => {
      expect(
        await errorCode(
          `{ sora { burnSeries(interval: DAY, from: "${iso(day0)}", to: "${iso(day0 - DAY)}") { start } } }`,
        ),
      ).toBe("INVALID_TIME_RANGE");
    });
  });

  it("lists each milestone with the first burn whose running total reached it", async () => {
    const inOrder = (await chainBurns()).reverse();
    const expected = BURN_MILESTONE_PERCENTS.flatMap((percent) => {
      const burn = inOrder.find((b) => b.totalBurned >= (MAX_SUPPLY * BigInt(percent)) / 100n);
      return burn ? [{ percent, txHash: burn.txHash, blockNumber: burn.blockNumber.toString() }] : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    const { sora } = await data(`{ sora { milestones { percent txHash blockNumber } } }`);
    expect(sora.milestones).toEqual(expected);
  });

  // Last: it burns again, which the tests above do not expect.
  it("keeps a cursor's next page stable while new burns arrive", async () => {
    const page = async (after?: string) =>
      (
        await data(`{ sora { burns(first: 5${after ? `, after: "${after}"` : ""}) {
          edges { node { txHash logIndex } } pageInfo { endCursor } } } }`)
      ).sora.burns;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    const { actors, members, manifest } = chain;
    const sold = await actors.sellSora(
      members.alice,
      await actors.read.balance(manifest.contracts.sora, members.alice),
    );
    const deadline = Date.now() + 10_000;
    while ((await page()).edges[0].node.txHash !== sold.transactionHash.toLowerCase()) {
      if (Date.now() > deadline) throw new Error("the new burn was not indexed");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await page(first.pageInfo.endCursor)).toEqual(second);
  });
});
