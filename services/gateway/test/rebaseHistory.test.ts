import { advanceChainBy } from "@luma-pulse/devnet";
import { rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { errorCodeOf, postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const POINT = "time epoch blockNumber index realisedApyPercent since";

type Point = {
  time: string;
  epoch: string;
  blockNumber: string;
  index: string;
  realisedApyPercent: string | null;
  since: string | null;
};

describe("rebaseHistory query", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, deployer } = chain;
    await actors.rebaseStake(members.bob, parseUnits("50000", 6));
    // 12 days of 8-hour epochs, rebased once a day: three epochs share each rebase's block.
    for (let day = 0; day < 12; day++) {
      await advanceChainBy(deployer, 86_400n);
      await actors.rebaseIfDue();
    }
    gateway = await startReadyGateway(chain);
  }, 120_000);

  const history = async (args: string) => {
    const { body } = await postGraphql(
      gateway.url,
      `{ rebaseHistory${args} { block { number timestamp } interval from to points { ${POINT} } } }`,
    );
    expect(body.errors).toBeUndefined();
    return body.data.rebaseHistory as {
      block: { number: string; timestamp: string };
      interval: string;
      from: string;
      to: string;
      points: Point[];
    };
  };
  const readChain = (functionName: "index" | "epoch") =>
    chain.client.readContract({
      address: chain.manifest.contracts.rebaseStaking,
      abi: rebaseStakingAbi,
      functionName,
    });

  it("charts the index day by day up to the chain's index now, with the block it was read at", async () => {
    const result = await history("");
    expect(result.interval).toBe("DAY");
    expect(result.block.number).toBe(String(await chain.client.getBlockNumber()));
    const { points } = result;
    // 36 epochs over 12 days: one point per UTC day that had one, each the day's last epoch.
    expect(points.length).toBeGreaterThanOrEqual(12);
    expect(points.length).toBeLessThanOrEqual(13);
    expect(points.at(-1)).toMatchObject({
      index: String(await readChain("index")),
      epoch: String(await readChain("epoch")),
    });
    for (const [i, point] of points.entries()) {
      const previous = points[i - 1];
      if (!previous) continue;
      expect(new Date(point.time).getUTCDate()).not.toBe(new Date(previous.time).getUTCDate());
      expect(BigInt(point.index)).toBeGreaterThan(BigInt(previous.index));
      expect(point.since).toBe(previous.time);
      // 5 bps per epoch, compounded: the protocol's nominal 72.87%.
      expect(point.realisedApyPercent).toBe("72.87");
    }
    expect(new Date(result.from).getTime() % DAY_MS).toBe(0);
  });

  it("gives every epoch of an hourly range, the first one measured from the rebase before it", async () => {
    const { points: days } = await history("");
    const from = new Date(new Date(days[3]?.time ?? 0).getTime() + HOUR_MS).toISOString();
    const to = new Date(new Date(from).getTime() + 2 * DAY_MS).toISOString();
    const { points } = await history(`(interval: HOUR, from: "${from}", to: "${to}")`);
    expect(points).toHaveLength(6);
    expect(points.map((p) => BigInt(p.epoch) - BigInt(points[0]?.epoch ?? 0))).toEqual([
      0n,
      1n,
      2n,
      3n,
      4n,
      5n,
    ]);
    expect(new Date(points[0]?.time ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(from).getTime());
    // The window of the first point starts at the epoch just before `from`: 8 hours earlier.
    expect(new Date(points[0]?.since ?? 0).getTime()).toBe(
      new Date(points[0]?.time ?? 0).getTime() - 8 * HOUR_MS,
    );
    for (const point of points) expect(point.realisedApyPercent).toBe("72.87");
  });

  it("sums up weeks, and an empty range has no points", async () => {
    const { points } = await history("(interval: WEEK)");
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points.at(-1)?.index).toBe(String(await readChain("index")));
    const empty = await history(`(interval: DAY, from: "2020-01-01T00:00:00Z", to: "2020-01-10T00:00:00Z")`);
    expect(empty.points).toEqual([]);
  });

  it("error: an inverted range, too many buckets or a bad date are refused with a code", async () => {
    const ask = async (args: string) =>
      errorCodeOf((await postGraphql(gateway.url, `{ rebaseHistory${args} { points { index } } }`)).body);
    expect(await ask(`(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z")`)).toBe(
      "INVALID_TIME_RANGE",
    );
    expect(await ask(`(interval: HOUR, from: "2020-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z")`)).toBe(
      "TOO_MANY_BUCKETS",
    );
    expect(await ask(`(from: "last tuesday")`)).toBe("INVALID_DATE");
    expect(await ask(`(interval: MONTH)`)).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
