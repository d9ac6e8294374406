import { DEAD_ADDRESS, defaultProtocolParameters, evaluateReleaseStream } from "@luma-pulse/protocol";
import {
  constantProductPoolAbi,
  feeBuybackAbi,
  optionStakingAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import { erc20Abi, parseEventLogs } from "viem";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { e18, expectRevert, type ProtocolFixture, send, setupProtocol } from "./setupProtocol.ts";

const DAY = 86_400n;
const P = defaultProtocolParameters.option.releasePeriod;

let f: ProtocolFixture;

async function stakePop(popAmount: bigint) {
  const { alice, addresses } = f;
  await f.fund(addresses.pop, alice, popAmount, addresses.optionStaking);
  const receipt = await send(
    alice,
    alice.writeContract({
      address: addresses.optionStaking,
      abi: optionStakingAbi,
      functionName: "stake",
      args: [popAmount, 0n],
    }),
  );
  const [staked] = parseEventLogs({ abi: optionStakingAbi, logs: receipt.logs, eventName: "Staked" });
  if (!staked) throw new Error("no Staked event");
  return { receipt, ...staked.args };
}

/** Alice claims a position's released rewards. */
const claim = (positionId: bigint) =>
  send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.optionStaking,
      abi: optionStakingAbi,
      functionName: "claim",
      args: [positionId],
    }),
  );

/** Alice releases everything a position has earned now, whatever the fee. */
const releaseEarly = (positionId: bigint) =>
  send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.optionStaking,
      abi: optionStakingAbi,
      functionName: "releaseEarly",
      args: [positionId, 2n ** 255n],
    }),
  );

const aliceLuma = () =>
  f.alice.readContract({
    address: f.addresses.luma,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [f.alice.account.address],
  });

const positionStart = async (id: bigint) =>
  BigInt(
    (
      await f.alice.readContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "getPosition",
        args: [id],
      })
    ).start,
  );

const positionState = (id: bigint) =>
  f.alice.readContract({
    address: f.addresses.optionStaking,
    abi: optionStakingAbi,
    functionName: "positionState",
    args: [id],
  });

describe("OptionStaking", () => {
  beforeAll(async () => {
    f = await setupProtocol();
  });
  beforeEach(async () => {
    await f.revert();
    await f.snapshot();
  });

  it("pairs POP with LUMA at the pool price and locks the LP at the dead address forever", async () => {
    const lpOf = (account: `0x${string}`) =>
      f.alice.readContract({
        address: f.addresses.popLumaPool,
        abi: constantProductPoolAbi,
        functionName: "balanceOf",
        args: [account],
      });
    const deadBefore = await lpOf(DEAD_ADDRESS);
    const { principal, lpLocked, soraQuota, popAmount } = await stakePop(e18(1_000));
    // Launch price: 2,000,000 LUMA / 4,000,000 POP = 0.5 LUMA per POP.
    expect(popAmount).toBe(e18(1_000));
    expect(principal).toBe(e18(500));
    expect(await lpOf(DEAD_ADDRESS)).toBe(deadBefore + lpLocked);
    expect(await lpOf(f.addresses.optionStaking)).toBe(0n);
    expect(await lpOf(f.alice.account.address)).toBe(0n);
    // 1 SORA of quota per 100 LUMA of principal.
    expect(soraQuota).toBe(e18(5));
    const quota = await f.alice.readContract({
      address: f.addresses.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "quotaOf",
      args: [f.alice.account.address],
    });
    expect(quota).toBe(e18(5));
  });

  it("earns 0.5% of principal per day", async () => {
    const { positionId, principal } = await stakePop(e18(2_000));
    await f.warp(10n * DAY);
    const state = await positionState(positionId);
    expect(state.earned).toBe((principal * 5n) / 100n);
  });

  it("stops earning at 2× principal (day 400) and never earns more", async () => {
    const { positionId, principal } = await stakePop(e18(2_000));
    await f.warp(399n * DAY);
    expect((await positionState(positionId)).earned).toBeLessThan(principal * 2n);
    await f.warp(DAY);
    expect((await positionState(positionId)).earned).toBe(principal * 2n);
    await f.warp(200n * DAY);
    expect((await positionState(positionId)).earned).toBe(principal * 2n);
  });

  it("releases each reward linearly over 30 days from when it was earned", async () => {
    const { positionId, principal } = await stakePop(e18(2_000));
    const perDay = (principal * 50n) / 10_000n;
    await f.warp(P);
    // Earned over 30 days at a constant rate, each part 0–100% released: half is released.
    let state = await positionState(positionId);
    expect(state.claimable).toBeGreaterThanOrEqual((perDay * 30n) / 2n - 1n);
    expect(state.claimable).toBeLessThanOrEqual((perDay * 30n) / 2n);
    expect(state.claimable + state.locked).toBe(state.earned);
    await f.warp(P);
    // After 60 days: days 0–30 fully released, days 30–60 half released → 45 days' worth.
    state = await positionState(positionId);
    expect(state.claimable).toBeGreaterThanOrEqual(perDay * 45n - 1n);
    expect(state.claimable).toBeLessThanOrEqual(perDay * 45n);
  });

  it("claims the released part for free, and only for the position's owner", async () => {
    const { positionId } = await stakePop(e18(2_000));
    await f.warp(20n * DAY);
    await expectRevert(
      f.bob.simulateContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "claim",
        args: [positionId],
      }),
      "NotPositionOwner",
    );
    const before = await aliceLuma();
    const receipt = await claim(positionId);
    const [claimed] = parseEventLogs({
      abi: optionStakingAbi,
      logs: receipt.logs,
      eventName: "RewardClaimed",
    });
    const after = await aliceLuma();
    expect(claimed?.args.amount).toBeGreaterThan(0n);
    expect(after - before).toBe(claimed?.args.amount);
    expect((await positionState(positionId)).claimable).toBe(0n);
  });

  it("error: claiming with nothing released reverts with NothingToClaim", async () => {
    const { positionId } = await stakePop(e18(2_000));
    await f.warp(3n * DAY);
    await releaseEarly(positionId);
    await expectRevert(
      f.alice.simulateContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "claim",
        args: [positionId],
      }),
      "NothingToClaim",
      [positionId],
    );
  });

  it("releases early: pays released + locked − fee, and splits the fee into SORA buyback and LUMA burn", async () => {
    const { positionId } = await stakePop(e18(20_000));
    await f.warp(10n * DAY);
    const pendingBefore = await f.alice.readContract({
      address: f.addresses.feeBuyback,
      abi: feeBuybackAbi,
      functionName: "pendingBuyback",
    });
    const receipt = await releaseEarly(positionId);
    const [released] = parseEventLogs({
      abi: optionStakingAbi,
      logs: receipt.logs,
      eventName: "EarlyReleased",
    });
    if (!released) throw new Error("no EarlyReleased event");
    const { vestedClaimed, unvestedReleased, fee, feeToBuyback, feeBurned, paidOut } = released.args;
    expect(paidOut).toBe(vestedClaimed + unvestedReleased - fee);
    expect(fee).toBeGreaterThan(0n);
    expect(feeToBuyback).toBe(fee / 2n);
    expect(feeBurned).toBe(fee - feeToBuyback);
    const pendingAfter = await f.alice.readContract({
      address: f.addresses.feeBuyback,
      abi: feeBuybackAbi,
      functionName: "pendingBuyback",
    });
    expect(pendingAfter - pendingBefore).toBe(feeToBuyback);
    // Nothing is left to release right after; new rewards keep coming afterwards.
    const state = await positionState(positionId);
    expect(state.locked + state.claimable).toBe(0n);
    expect(state.feesPaid).toBe(fee);
    expect(state.withdrawn).toBe(paidOut);
    await f.warp(DAY);
    expect((await positionState(positionId)).locked).toBeGreaterThan(0n);
  });

  it("pays out exactly 2× principal over a whole life of claims and early releases, fees included", async () => {
    const { positionId, principal } = await stakePop(e18(4_000));
    for (const [days, action] of [
      [45n, "claim"],
      [60n, "releaseEarly"],
      [200n, "claim"],
      [390n, "releaseEarly"],
      [460n, "claim"],
    ] as const) {
      await f.warp(days * DAY - ((await f.now()) - (await positionStart(positionId))));
      await (action === "claim" ? claim(positionId) : releaseEarly(positionId));
    }
    const state = await positionState(positionId);
    expect(state.earned).toBe(principal * 2n);
    expect(state.claimable + state.locked).toBe(0n);
    // Rounding may keep a few wei per step in the protocol, never pay them twice.
    expect(principal * 2n - (state.withdrawn + state.feesPaid)).toBeGreaterThanOrEqual(0n);
    expect(principal * 2n - (state.withdrawn + state.feesPaid)).toBeLessThan(10n);
  });

  it("keeps a position's terms when the owner changes the parameters later", async () => {
    const { positionId, principal } = await stakePop(e18(2_000));
    for (const [functionName, value] of [
      ["setDailyRateBps", 100n],
      ["setCapBps", 30_000n],
      ["setReleasePeriod", 10n * DAY],
      ["setEarlyFeeBps", 1_000n],
    ] as const) {
      await send(
        f.deployer,
        f.deployer.writeContract({
          address: f.addresses.optionStaking,
          abi: optionStakingAbi,
          functionName,
          args: [value],
        }),
      );
    }
    await f.warp((await positionStart(positionId)) + 10n * DAY - (await f.now()));
    const state = await positionState(positionId);
    expect(state.earned).toBe((principal * 5n) / 100n); // still 0.5%/day
    const position = await f.alice.readContract({
      address: f.addresses.optionStaking,
      abi: optionStakingAbi,
      functionName: "getPosition",
      args: [positionId],
    });
    expect([position.dailyRateBps, position.capBps, position.releasePeriod, position.earlyFeeBps]).toEqual([
      50,
      20_000,
      Number(P),
      5_000,
    ]);
  });

  it("values POP at the lower of spot and the time-weighted price, so pumping the pool first gains nothing", async () => {
    await f.warp(3_600n);
    await stakePop(e18(1_000)); // refreshes the average at the launch price (0.5 LUMA per POP)
    // Someone buys most of the pool's POP: spot goes from 0.5 to ~2 LUMA per POP.
    await f.fund(f.addresses.luma, f.bob, e18(2_000_000), f.addresses.popLumaPool);
    await send(
      f.bob,
      f.bob.writeContract({
        address: f.addresses.popLumaPool,
        abi: constantProductPoolAbi,
        functionName: "swapExactIn",
        args: [f.addresses.luma, e18(2_000_000), 0n, f.bob.account.address],
      }),
    );
    const spot = await f.alice.readContract({
      address: f.addresses.popLumaPool,
      abi: constantProductPoolAbi,
      functionName: "quote",
      args: [f.addresses.pop, e18(1_000)],
    });
    expect(spot).toBeGreaterThan(e18(1_900));
    const { principal } = await stakePop(e18(1_000));
    expect(principal).toBe(e18(500));
  });

  it("matches its TypeScript twin (packages/protocol) at any time", async () => {
    const { positionId, principal } = await stakePop(e18(3_333));
    const start = await f.now();
    for (const days of [1n, 7n, 29n, 45n, 150n, 420n, 431n, 500n]) {
      await f.warp(days * DAY - ((await f.now()) - start));
      const t = await f.now();
      const capTime = start + 400n * DAY;
      const twin = evaluateReleaseStream(
        {
          rateNum: principal * 50n,
          rateDen: 10_000n * DAY,
          lo: start,
          hi: t < capTime ? t : capTime,
          period: P,
        },
        t,
        5_000n,
      );
      const state = await positionState(positionId);
      expect({ claimable: state.claimable, locked: state.locked, fee: state.earlyReleaseFee }).toEqual({
        claimable: twin.vested,
        locked: twin.locked,
        fee: twin.fee,
      });
    }
  });

  it("agrees with summing hourly batches of rewards, each released linearly (an independent model)", async () => {
    const { positionId, principal } = await stakePop(e18(1_200));
    const start = await positionStart(positionId);
    await f.warp(40n * DAY);
    const t = await f.now();
    // Each hour's rewards, released over 30 days from the middle of that hour.
    const hour = 3_600n;
    const perHour = (principal * 50n * hour) / (10_000n * DAY);
    let vested = 0n;
    let fee = 0n;
    for (let s = start; s + hour <= t; s += hour) {
      const age = t - (s + hour / 2n);
      const remaining = age >= P ? 0n : P - age;
      const unvested = (perHour * remaining) / P;
      vested += perHour - unvested;
      fee += (unvested * 5_000n * remaining) / (10_000n * P);
    }
    const state = await positionState(positionId);
    const close = (a: bigint, b: bigint) => (a > b ? a - b : b - a) * 10_000n <= b; // within 0.01%
    expect(close(state.claimable, vested)).toBe(true);
    expect(close(state.earlyReleaseFee, fee)).toBe(true);
  });

  it("error: an unknown position reverts with UnknownPosition", async () => {
    await expectRevert(
      f.alice.readContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionState",
        args: [999n],
      }),
      "UnknownPosition",
      [999n],
    );
  });

  it("error: staking zero POP reverts with ZeroAmount", async () => {
    await expectRevert(
      f.alice.simulateContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "stake",
        args: [0n, 0n],
      }),
      "ZeroAmount",
    );
  });
});
