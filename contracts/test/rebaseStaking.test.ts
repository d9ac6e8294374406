import { rebaseIndexAfter } from "@luma-pulse/protocol";
import { feeBuybackAbi, rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { erc20Abi, parseEventLogs } from "viem";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { e18, expectRevert, type ProtocolFixture, send, setupProtocol } from "./setupProtocol.ts";

const EPOCH = 8n * 3_600n;

let f: ProtocolFixture;

const read = <const F extends "index" | "totalSupply" | "epoch" | "nextRebaseTime">(functionName: F) =>
  f.alice.readContract({ address: f.addresses.rebaseStaking, abi: rebaseStakingAbi, functionName });
const sLumaOf = (account: `0x${string}`) =>
  f.alice.readContract({
    address: f.addresses.rebaseStaking,
    abi: rebaseStakingAbi,
    functionName: "balanceOf",
    args: [account],
  });
const lumaOf = (account: `0x${string}`) =>
  f.alice.readContract({
    address: f.addresses.luma,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [account],
  });

async function stake(amount: bigint) {
  await f.fund(f.addresses.luma, f.alice, amount, f.addresses.rebaseStaking);
  return send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.rebaseStaking,
      abi: rebaseStakingAbi,
      functionName: "stake",
      args: [amount],
    }),
  );
}

/** Moves past `epochs` epoch ends and applies them (in calls of at most 256 epochs). */
async function rebaseEpochs(epochs: bigint) {
  const next = await read("nextRebaseTime");
  await f.warp(next - (await f.now()) + (epochs - 1n) * EPOCH);
  const logs = [];
  for (let applied = 0n; applied < epochs; ) {
    const receipt = await send(
      f.alice,
      f.alice.writeContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "rebase",
      }),
    );
    const events = parseEventLogs({ abi: rebaseStakingAbi, logs: receipt.logs, eventName: "Rebase" });
    applied += BigInt(events.length);
    logs.push(...events);
  }
  return logs;
}

describe("RebaseStaking", () => {
  beforeAll(async () => {
    f = await setupProtocol();
    await f.snapshot();
  });
  beforeEach(async () => {
    await f.revert();
    await f.snapshot();
  });

  it("mints sLUMA 1:1 at the current index", async () => {
    await stake(e18(1_000));
    expect(await sLumaOf(f.alice.account.address)).toBe(e18(1_000));
    await rebaseEpochs(7n);
    await stake(e18(333));
    const index = await read("index");
    expect(await sLumaOf(f.alice.account.address)).toBe((e18(1_000) * index) / 10n ** 18n + e18(333));
  });

  it("grows the index by 0.05% per epoch, within 1 wei of the closed form after N epochs", async () => {
    for (const n of [1n, 3n, 90n]) {
      await rebaseEpochs(n);
      const epoch = await read("epoch");
      const index = await read("index");
      const closedForm = rebaseIndexAfter(epoch, 5n);
      expect(index - closedForm).toBeGreaterThanOrEqual(-1n);
      expect(index - closedForm).toBeLessThanOrEqual(1n);
    }
  });

  it("applies a year of missed epochs (1095) within 1 wei of the closed form", async () => {
    const events = await rebaseEpochs(1_095n);
    expect(events).toHaveLength(1_095);
    expect(events.at(-1)?.args.epoch).toBe(1_095n);
    const index = await read("index");
    const diff = index - rebaseIndexAfter(1_095n, 5n);
    expect(diff >= -1n && diff <= 1n).toBe(true);
    // ≈ 72.8% APY compounded over 3 epochs a day.
    expect(index / 10n ** 15n).toBe(1_728n);
  });

  it("mints exactly the LUMA that backs the growth of staked balances", async () => {
    await stake(e18(50_000));
    const lumaSupply = () =>
      f.alice.readContract({ address: f.addresses.luma, abi: erc20Abi, functionName: "totalSupply" });
    const supplyBefore = await lumaSupply();
    const stakedBefore = await read("totalSupply");
    const events = await rebaseEpochs(3n);
    const minted = events.reduce((sum, e) => sum + e.args.lumaMinted, 0n);
    expect(await lumaSupply()).toBe(supplyBefore + minted);
    expect(await read("totalSupply")).toBe(stakedBefore + minted);
    expect(await lumaOf(f.addresses.rebaseStaking)).toBeGreaterThanOrEqual(await read("totalSupply"));
  });

  it("charges the 2% claim fee on unstaking and splits it into buyback and burn", async () => {
    await stake(e18(10_000));
    const before = await lumaOf(f.alice.account.address);
    const receipt = await send(
      f.alice,
      f.alice.writeContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "unstake",
        args: [e18(5_000)],
      }),
    );
    const [unstaked] = parseEventLogs({ abi: rebaseStakingAbi, logs: receipt.logs, eventName: "Unstaked" });
    expect(unstaked?.args.fee).toBe(e18(100));
    expect(unstaked?.args.lumaOut).toBe(e18(4_900));
    expect(unstaked?.args.feeToBuyback).toBe(e18(50));
    expect(unstaked?.args.feeBurned).toBe(e18(50));
    expect((await lumaOf(f.alice.account.address)) - before).toBe(e18(4_900));
    expect(await sLumaOf(f.alice.account.address)).toBe(e18(5_000));
    const [collected] = parseEventLogs({ abi: feeBuybackAbi, logs: receipt.logs, eventName: "FeeCollected" });
    expect(collected?.args.lumaBurned).toBe(e18(50));
  });

  it("unstakes everything with the max amount, leaving no dust", async () => {
    await stake(e18(777));
    await rebaseEpochs(5n);
    await send(
      f.alice,
      f.alice.writeContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "unstake",
        args: [2n ** 256n - 1n],
      }),
    );
    expect(await sLumaOf(f.alice.account.address)).toBe(0n);
  });

  it("applies the epochs already due before a stake, so a late staker does not collect them", async () => {
    await stake(e18(1_000));
    const next = await read("nextRebaseTime");
    await f.warp(next - (await f.now()) + 5n * EPOCH); // six epochs due, nobody called rebase()
    const bob = f.bob;
    await f.fund(f.addresses.luma, bob, e18(1_000), f.addresses.rebaseStaking);
    await send(
      bob,
      bob.writeContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "stake",
        args: [e18(1_000)],
      }),
    );
    expect(await read("epoch")).toBe(6n);
    expect(await sLumaOf(bob.account.address)).toBe(e18(1_000));
    expect(await sLumaOf(f.alice.account.address)).toBeGreaterThan(e18(1_000));
  });

  it("keeps the index continuous when the rate changes, and applies the new rate from then on", async () => {
    await rebaseEpochs(10n);
    const before = await read("index");
    await send(
      f.deployer,
      f.deployer.writeContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "setRebaseRateBps",
        args: [20n],
      }),
    );
    expect(await read("index")).toBe(before);
    await rebaseEpochs(3n);
    const diff = (await read("index")) - rebaseIndexAfter(3n, 20n, before);
    expect(diff >= -1n && diff <= 1n).toBe(true);
  });

  it("error: a rebase before the epoch ends reverts with TooEarly", async () => {
    await expectRevert(
      f.alice.simulateContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "rebase",
      }),
      "TooEarly",
    );
  });

  it("error: unstaking more than the balance reverts with InsufficientBalance", async () => {
    await stake(e18(10));
    await expectRevert(
      f.alice.simulateContract({
        address: f.addresses.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "unstake",
        args: [e18(11)],
      }),
      "InsufficientBalance",
      [e18(10), e18(11)],
    );
  });
});
