import { DEAD_ADDRESS, SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { feeBuybackAbi, optionStakingAbi, soraAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import { erc20Abi, parseEventLogs } from "viem";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { e18, expectRevert, type ProtocolFixture, send, setupProtocol } from "./setupProtocol.ts";

let f: ProtocolFixture;

const soraRead = <const F extends "totalSupply" | "totalBurned" | "circulatingSupply">(functionName: F) =>
  f.alice.readContract({ address: f.addresses.sora, abi: soraAbi, functionName });
const reserves = () =>
  f.alice.readContract({
    address: f.addresses.soraLumaPool,
    abi: soraLumaPoolAbi,
    functionName: "getReserves",
  });
/** LUMA per SORA in 1e18 fixed point. */
const soraPrice = async () => {
  const [soraReserve, lumaReserve] = await reserves();
  return (lumaReserve * 10n ** 18n) / soraReserve;
};

const aliceSora = () =>
  f.alice.readContract({
    address: f.addresses.sora,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [f.alice.account.address],
  });

async function grantQuotaByStaking(popAmount: bigint) {
  await f.fund(f.addresses.pop, f.alice, popAmount, f.addresses.optionStaking);
  await send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.optionStaking,
      abi: optionStakingAbi,
      functionName: "stake",
      args: [popAmount, 0n],
    }),
  );
}

async function buySora(lumaIn: bigint) {
  await f.fund(f.addresses.luma, f.alice, lumaIn, f.addresses.soraLumaPool);
  return send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "swapExactIn",
      args: [f.addresses.luma, lumaIn, 0n, f.alice.account.address],
    }),
  );
}

/** Funds Alice with `lumaIn` and simulates her buying SORA with it (for expected reverts). */
async function simulateBuySora(lumaIn: bigint) {
  await f.fund(f.addresses.luma, f.alice, lumaIn, f.addresses.soraLumaPool);
  return f.alice.simulateContract({
    address: f.addresses.soraLumaPool,
    abi: soraLumaPoolAbi,
    functionName: "swapExactIn",
    args: [f.addresses.luma, lumaIn, 0n, f.alice.account.address],
  });
}

async function sellSora(amount: bigint) {
  await send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.sora,
      abi: erc20Abi,
      functionName: "approve",
      args: [f.addresses.soraLumaPool, amount],
    }),
  );
  return send(
    f.alice,
    f.alice.writeContract({
      address: f.addresses.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "swapExactIn",
      args: [f.addresses.sora, amount, 0n, f.alice.account.address],
    }),
  );
}

describe("SORA", () => {
  beforeAll(async () => {
    f = await setupProtocol();
    await f.snapshot();
  });
  beforeEach(async () => {
    await f.revert();
    await f.snapshot();
  });

  it("has a fixed supply of 210,000,000, all in the SORA/LUMA pool at launch", async () => {
    expect(await soraRead("totalSupply")).toBe(SORA_MAX_SUPPLY);
    const [soraReserve] = await reserves();
    expect(soraReserve).toBe(SORA_MAX_SUPPLY);
    // Launch price 52,500 LUMA / 210,000,000 SORA = 0.00025 LUMA.
    expect(await soraPrice()).toBe(25n * 10n ** 13n);
  });

  it("error: buying SORA without quota reverts with InsufficientQuota", async () => {
    await expectRevert(simulateBuySora(e18(10)), "InsufficientQuota");
  });

  it("lets an option staker buy SORA up to the quota earned, consuming it", async () => {
    await grantQuotaByStaking(e18(200_000)); // principal 100,000 LUMA → 1,000 SORA of quota
    const receipt = await buySora(e18(0.2));
    const [used] = parseEventLogs({ abi: soraLumaPoolAbi, logs: receipt.logs, eventName: "QuotaUsed" });
    expect(used?.args.amount).toBeGreaterThan(e18(700));
    expect(used?.args.remaining).toBe(e18(1_000) - (used?.args.amount ?? 0n));
    await expectRevert(simulateBuySora(e18(1)), "InsufficientQuota");
  });

  it("burns every SORA sold: supply falls, the pool's SORA reserve does not grow", async () => {
    await grantQuotaByStaking(e18(200_000));
    await buySora(e18(0.2));
    const held = await aliceSora();
    const [soraReserveBefore, lumaReserveBefore] = await reserves();
    const supplyBefore = await soraRead("totalSupply");
    const receipt = await sellSora(held);
    const [burned] = parseEventLogs({ abi: soraAbi, logs: receipt.logs, eventName: "SoraBurned" });
    const [sold] = parseEventLogs({ abi: soraLumaPoolAbi, logs: receipt.logs, eventName: "SoraSold" });
    expect(burned?.args.amount).toBe(held);
    expect(burned?.args.reason).toBe(0); // Sell
    expect(burned?.args.totalBurned).toBe(held);
    expect(await soraRead("totalSupply")).toBe(supplyBefore - held);
    const [soraReserveAfter, lumaReserveAfter] = await reserves();
    expect(soraReserveAfter).toBe(soraReserveBefore);
    expect(lumaReserveAfter).toBe(lumaReserveBefore - (sold?.args.lumaOut ?? 0n));
  });

  it("buys back and burns SORA with the fee share, raising the SORA price", async () => {
    await f.fund(f.addresses.luma, f.deployer, e18(2_000), f.addresses.feeBuyback);
    await send(
      f.deployer,
      f.deployer.writeContract({
        address: f.addresses.feeBuyback,
        abi: feeBuybackAbi,
        functionName: "depositFee",
        args: [e18(2_000)],
      }),
    );
    const priceBefore = await soraPrice();
    const receipt = await send(
      f.bob,
      f.bob.writeContract({
        address: f.addresses.feeBuyback,
        abi: feeBuybackAbi,
        functionName: "buyback",
        args: [0n],
      }),
    );
    const [buyback] = parseEventLogs({ abi: feeBuybackAbi, logs: receipt.logs, eventName: "Buyback" });
    const [burned] = parseEventLogs({ abi: soraAbi, logs: receipt.logs, eventName: "SoraBurned" });
    if (!buyback || !burned) throw new Error("expected Buyback and SoraBurned events");
    expect(buyback.args.lumaIn).toBe(e18(1_000));
    expect(buyback.args.soraBurned).toBeGreaterThan(0n);
    expect(burned.args.reason).toBe(1); // Buyback
    expect(burned.args.amount).toBe(buyback.args.soraBurned);
    expect(await soraRead("totalSupply")).toBe(SORA_MAX_SUPPLY - buyback.args.soraBurned);
    expect(await soraPrice()).toBeGreaterThan(priceBefore);
  });

  it("error: a buyback below the threshold reverts with BelowThreshold", async () => {
    await expectRevert(
      f.bob.simulateContract({
        address: f.addresses.feeBuyback,
        abi: feeBuybackAbi,
        functionName: "buyback",
        args: [0n],
      }),
      "BelowThreshold",
    );
  });

  it("keeps circulating = 210,000,000 − burned; a transfer to the dead address is not a burn", async () => {
    await grantQuotaByStaking(e18(400_000));
    await buySora(e18(0.5));
    const held = await aliceSora();
    await sellSora(held / 3n);
    await sellSora(held / 3n);
    await send(
      f.alice,
      f.alice.writeContract({
        address: f.addresses.sora,
        abi: erc20Abi,
        functionName: "transfer",
        args: [DEAD_ADDRESS, held / 4n],
      }),
    );
    const burned = await soraRead("totalBurned");
    expect(burned).toBe((held / 3n) * 2n);
    expect(await soraRead("circulatingSupply")).toBe(SORA_MAX_SUPPLY - burned);
    expect(await soraRead("totalSupply")).toBe(SORA_MAX_SUPPLY - burned);
  });

  it("error: only the pool and the buyback may burn", async () => {
    await expectRevert(
      f.alice.simulateContract({
        address: f.addresses.sora,
        abi: soraAbi,
        functionName: "burn",
        args: [1n, 0],
      }),
      "NotBurner",
    );
  });
});
