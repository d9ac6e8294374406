import { defaultProtocolParameters } from "@luma-pulse/protocol";
import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import { parseEventLogs } from "viem";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { e18, expectRevert, type ProtocolFixture, send, setupProtocol } from "./setupProtocol.ts";

const DAY = 86_400n;

describe("early release fee", () => {
  describe("fee curve (default parameters: 50% over 30 days)", () => {
    let f: ProtocolFixture;
    beforeAll(async () => {
      f = await setupProtocol();
    });
    const feeBpsAt = (remaining: bigint) =>
      f.alice.readContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "earlyFeeBpsAt",
        args: [remaining],
      });

    it("charges half at the start, a quarter in the middle and nothing at the end of the release period", async () => {
      expect(await feeBpsAt(30n * DAY)).toBe(5_000n);
      expect(await feeBpsAt(15n * DAY)).toBe(2_500n);
      expect(await feeBpsAt(0n)).toBe(0n);
    });
  });

  // A position that earns everything within 20 days (5%/day up to 1×), against a year-long release
  // period, behaves like one batch of rewards: its fee shows the curve on a real position.
  describe("on a position whose rewards are all earned at once", () => {
    let f: ProtocolFixture;
    const period = 365n * DAY;
    let positionId: bigint;
    let start: bigint;
    let capTime: bigint;
    beforeAll(async () => {
      f = await setupProtocol({
        ...defaultProtocolParameters,
        option: {
          ...defaultProtocolParameters.option,
          dailyRateBps: 500n,
          capBps: 10_000n,
          releasePeriod: period,
        },
      });
      await f.fund(f.addresses.pop, f.alice, e18(10_000), f.addresses.optionStaking);
      const receipt = await send(
        f.alice,
        f.alice.writeContract({
          address: f.addresses.optionStaking,
          abi: optionStakingAbi,
          functionName: "stake",
          args: [e18(10_000), 0n],
        }),
      );
      const [staked] = parseEventLogs({ abi: optionStakingAbi, logs: receipt.logs, eventName: "Staked" });
      if (!staked) throw new Error("no Staked event");
      positionId = staked.args.positionId;
      start = await f.now();
      capTime = start + 20n * DAY;
      await f.snapshot();
    });
    beforeEach(async () => {
      await f.revert();
      await f.snapshot();
    });

    const feeShareBpsAt = async (time: bigint) => {
      await f.warp(time - (await f.now()));
      const state = await f.alice.readContract({
        address: f.addresses.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionState",
        args: [positionId],
      });
      return state.locked === 0n
        ? { state, bps: 0n }
        : { state, bps: (state.earlyReleaseFee * 10_000n) / state.locked };
    };

    it("charges about 50% of the locked rewards right after they are earned", async () => {
      // The batch's oldest rewards are already 20 of 365 days into their release.
      const { bps } = await feeShareBpsAt(capTime);
      expect(bps).toBeGreaterThanOrEqual(4_850n);
      expect(bps).toBeLessThanOrEqual(5_000n);
    });

    it("charges about 25% half way through the release period", async () => {
      // Half way for the batch's middle reward, earned on day 10.
      const { bps } = await feeShareBpsAt(start + 10n * DAY + period / 2n);
      expect(bps).toBeGreaterThanOrEqual(2_490n);
      expect(bps).toBeLessThanOrEqual(2_510n);
    });

    it("charges almost nothing a day before the end of the release period", async () => {
      // The rewards still releasing were earned in the last day before the cap: ≤ 1 day of 365 left.
      const { state, bps } = await feeShareBpsAt(capTime + period - DAY);
      expect(state.earlyReleaseFee).toBeGreaterThan(0n);
      expect(bps).toBeLessThanOrEqual(10n);
    });

    it("charges nothing once the release period is over, and there is nothing left to release early", async () => {
      const { state } = await feeShareBpsAt(capTime + period);
      expect(state.locked).toBe(0n);
      expect(state.earlyReleaseFee).toBe(0n);
      await expectRevert(
        f.alice.simulateContract({
          address: f.addresses.optionStaking,
          abi: optionStakingAbi,
          functionName: "releaseEarly",
          args: [positionId, 2n ** 255n],
        }),
        "NothingLocked",
      );
    });

    it("error: refuses to release when the fee exceeds the caller's maximum", async () => {
      await f.warp(capTime - (await f.now()));
      await expectRevert(
        f.alice.simulateContract({
          address: f.addresses.optionStaking,
          abi: optionStakingAbi,
          functionName: "releaseEarly",
          args: [positionId, 1n],
        }),
        "SlippageExceeded",
      );
    });
  });
});
