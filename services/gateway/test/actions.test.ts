import { advanceChainBy } from "@luma-pulse/devnet";
import { formatAmount } from "@luma-pulse/protocol";
import {
  feeBuybackAbi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import { type Address, erc20Abi, getAddress, type Log, parseEventLogs, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { callOf, planOrFail, sendPlan } from "./planApi.ts";
import { mintTo, sendAs } from "./planFunding.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const DAY = 86_400n;
const e18 = (value: string) => parseUnits(value, 18);

/** |actual − expected| ≤ expected × 1% : amounts that grow with the seconds between plan and block. */
const within1Percent = (actual: bigint, expected: bigint) => {
  const gap = actual > expected ? actual - expected : expected - actual;
  return gap * 100n <= expected;
};

describe("transaction plans, signed and sent", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let c: Awaited<ReturnType<typeof setupChain>>["manifest"]["contracts"];
  let alice: Address;
  let bob: Address;
  let position: bigint;

  beforeAll(async () => {
    chain = await setupChain();
    c = chain.manifest.contracts;
    ({ alice, bob } = chain.members);
    // Alice's position has earned for 5 days: some released (claimable), most still releasing.
    position = await chain.actors.optionStake(alice, e18("2000"));
    await advanceChainBy(chain.deployer, 5n * DAY);
    await chain.actors.rebaseIfDue();
    await mintTo(chain, c.pop, bob, e18("500"));
    await mintTo(chain, c.luma, alice, e18("100"));
    await mintTo(chain, c.luma, bob, e18("1000"));
    gateway = await startReadyGateway(chain);
  });

  const read = {
    balance: (token: Address, account: Address) => chain.actors.read.balance(token, account),
    sLuma: (account: Address) => chain.actors.read.sLuma(account),
    quota: (account: Address) => chain.actors.read.quota(account),
    allowance: (token: Address, account: Address, spender: Address) =>
      chain.client.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [account, spender],
      }),
  };
  const eventsOf = (logs: Log[]) =>
    parseEventLogs({ abi: [...optionStakingAbi, ...rebaseStakingAbi, ...soraLumaPoolAbi], logs });

  it("stakePop: approves exactly the POP, stakes with a principal bound, and opens the predicted position", async () => {
    const intent = await planOrFail(gateway.url, "planStakePop", { account: bob, amount: "500" });
    const bound = intent.outcome.bound;
    expect(bound?.kind).toBe("MIN_RECEIVED");
    expect(intent.steps.map(callOf)).toEqual([
      `pop.approve(${getAddress(c.optionStaking)}, ${e18("500")})`,
      `optionStaking.stake(${e18("500")}, ${bound?.amount.raw})`,
    ]);
    expect(intent.steps.map((s) => [s.kind, s.to, s.value])).toEqual([
      ["APPROVE", getAddress(c.pop), "0"],
      ["ACTION", getAddress(c.optionStaking), "0"],
    ]);
    expect(intent.outcome.spend).toEqual([{ raw: e18("500").toString(), symbol: "POP" }]);
    const [popBefore, quotaBefore] = [await read.balance(c.pop, bob), await read.quota(bob)];

    const receipts = await sendPlan(chain, bob, intent);

    const staked = eventsOf(receipts[1]?.logs ?? []).find((e) => e.eventName === "Staked");
    if (staked?.eventName !== "Staked" || !("principal" in staked.args)) throw new Error("no Staked event");
    expect(staked.args.positionId.toString()).toBe(intent.outcome.positionId);
    expect(staked.args.principal).toBeGreaterThanOrEqual(BigInt(bound?.amount.raw ?? "0"));
    expect(staked.args.soraQuota.toString()).toBe(intent.outcome.quotaGranted?.raw);
    expect(await read.balance(c.pop, bob)).toBe(popBefore - e18("500"));
    expect(await read.quota(bob)).toBe(quotaBefore + staked.args.soraQuota);
    // Rewards finish releasing a release period after the cap: 400 days after the stake by default.
    const opened = await chain.client.readContract({
      address: c.optionStaking,
      abi: optionStakingAbi,
      functionName: "getPosition",
      args: [staked.args.positionId],
    });
    const releasesUntil = BigInt(Date.parse(intent.outcome.releasesUntil ?? "") / 1000);
    const actual = opened.capTime + BigInt(opened.releasePeriod);
    expect(actual - releasesUntil).toBeGreaterThanOrEqual(0n);
    expect(actual - releasesUntil).toBeLessThan(60n); // the seconds between the plan and its block
  });

  it("stakeLuma: approves exactly the LUMA, stakes it, and the member holds the predicted sLUMA", async () => {
    const intent = await planOrFail(gateway.url, "planStakeLuma", { account: bob, amount: "400" });
    expect(intent.steps.map(callOf)).toEqual([
      `luma.approve(${getAddress(c.rebaseStaking)}, ${e18("400")})`,
      `rebaseStaking.stake(${e18("400")})`,
    ]);
    expect(intent.outcome.receive).toEqual([{ raw: e18("400").toString(), symbol: "sLUMA" }]);
    const [lumaBefore, sLumaBefore] = [await read.balance(c.luma, bob), await read.sLuma(bob)];

    await sendPlan(chain, bob, intent);

    expect(await read.balance(c.luma, bob)).toBe(lumaBefore - e18("400"));
    expect(await read.sLuma(bob)).toBe(sLumaBefore + e18("400"));
  });

  it("asks for an approval only when the allowance is short, and then for exactly the amount", async () => {
    await sendAs(chain, bob, {
      address: c.luma,
      abi: erc20Abi,
      functionName: "approve",
      args: [c.rebaseStaking, e18("100")],
    });

    const covered = await planOrFail(gateway.url, "planStakeLuma", { account: bob, amount: "100" });
    expect(covered.steps.map(callOf)).toEqual([`rebaseStaking.stake(${e18("100")})`]);
    const short = await planOrFail(gateway.url, "planStakeLuma", { account: bob, amount: "150.5" });
    expect(short.steps.map(callOf)).toEqual([
      `luma.approve(${getAddress(c.rebaseStaking)}, ${e18("150.5")})`,
      `rebaseStaking.stake(${e18("150.5")})`,
    ]);

    const sLumaBefore = await read.sLuma(bob);
    await sendPlan(chain, bob, covered);
    expect(await read.sLuma(bob)).toBe(sLumaBefore + e18("100"));
    expect(await read.allowance(c.luma, bob, c.rebaseStaking)).toBe(0n);
  });

  it("unstakeLuma: 'max' unstakes the exact sLUMA balance and pays out what the plan predicted, fee split included", async () => {
    const balance = await read.sLuma(bob);
    const intent = await planOrFail(gateway.url, "planUnstakeLuma", { account: bob, amount: "max" });
    expect(intent.amount).toEqual({ raw: balance.toString(), symbol: "sLUMA" });
    expect(intent.steps.map(callOf)).toEqual([`rebaseStaking.unstake(${balance})`]);
    const fee = (balance * 200n) / 10_000n; // the default 2% claim fee
    expect(intent.outcome.fee).toEqual({
      amount: { raw: fee.toString(), symbol: "LUMA" },
      toBuyback: { raw: (fee / 2n).toString() },
      burned: { raw: (fee - fee / 2n).toString() },
    });
    expect(intent.outcome.receive).toEqual([{ raw: (balance - fee).toString(), symbol: "LUMA" }]);
    const [lumaBefore, burnedBefore] = [
      await read.balance(c.luma, bob),
      await chain.client.readContract({
        address: c.feeBuyback,
        abi: feeBuybackAbi,
        functionName: "totalLumaBurned",
      }),
    ];

    await sendPlan(chain, bob, intent);

    expect(await read.sLuma(bob)).toBe(0n);
    expect(await read.balance(c.luma, bob)).toBe(lumaBefore + balance - fee);
    const burned = await chain.client.readContract({
      address: c.feeBuyback,
      abi: feeBuybackAbi,
      functionName: "totalLumaBurned",
    });
    expect((burned - burnedBefore).toString()).toBe(intent.outcome.fee?.burned.raw);
  });

  it("claimReleased: claims a position's released LUMA, what the plan showed", async () => {
    const intent = await planOrFail(gateway.url, "planClaimReleased", {
      account: alice,
      positionId: `${position}`,
    });
    expect(intent.positionId).toBe(`${position}`);
    expect(intent.steps.map(callOf)).toEqual([`optionStaking.claim(${position})`]);
    const predicted = BigInt(intent.outcome.receive[0]?.raw ?? "0");
    expect(predicted).toBeGreaterThan(0n);
    const before = await read.balance(c.luma, alice);

    await sendPlan(chain, alice, intent);

    // Released rewards grow by the second: the block's time differs a little from the simulated one.
    expect(within1Percent((await read.balance(c.luma, alice)) - before, predicted)).toBe(true);
  });

  it("releaseEarly: takes everything earned for the predicted fee, never more than the bound", async () => {
    const intent = await planOrFail(gateway.url, "planReleaseEarly", {
      account: alice,
      positionId: `${position}`,
    });
    const fee = BigInt(intent.outcome.fee?.amount.raw ?? "0");
    const bound = BigInt(intent.outcome.bound?.amount.raw ?? "0");
    expect(fee).toBeGreaterThan(0n);
    expect(intent.outcome.bound?.kind).toBe("MAX_FEE");
    expect(bound).toBe((fee * 10_100n + 9_999n) / 10_000n); // the fee plus 1%, rounded up
    expect(intent.steps.map(callOf)).toEqual([`optionStaking.releaseEarly(${position}, ${bound})`]);

    const receipts = await sendPlan(chain, alice, intent);

    const released = eventsOf(receipts[0]?.logs ?? []).find((e) => e.eventName === "EarlyReleased");
    if (released?.eventName !== "EarlyReleased") throw new Error("no EarlyReleased event");
    expect(released.args.fee).toBeLessThanOrEqual(bound);
    expect(within1Percent(released.args.fee, fee)).toBe(true);
    expect(within1Percent(released.args.paidOut, BigInt(intent.outcome.receive[0]?.raw ?? "0"))).toBe(true);
    expect(released.args.feeToBuyback + released.args.feeBurned).toBe(released.args.fee);
  });

  it("buySora: 'max' spends the LUMA that buys the whole quota, and the member gets that SORA", async () => {
    const quota = await read.quota(alice);
    expect(quota).toBeGreaterThan(0n);
    const intent = await planOrFail(gateway.url, "planBuySora", { account: alice, amount: "max" });
    const spent = intent.amount?.raw ?? "";
    expect(intent.steps.map(callOf)).toEqual([
      `luma.approve(${getAddress(c.soraLumaPool)}, ${spent})`,
      `soraLumaPool.swapExactIn(${getAddress(c.luma)}, ${spent}, ${intent.outcome.bound?.amount.raw}, ${alice})`,
    ]);
    const bought = BigInt(intent.outcome.receive[0]?.raw ?? "0");
    expect(intent.outcome.quotaUsed?.raw).toBe(bought.toString());
    expect(bought).toBeLessThanOrEqual(quota);
    const [soraBefore, lumaBefore] = [await read.balance(c.sora, alice), await read.balance(c.luma, alice)];

    await sendPlan(chain, alice, intent);

    expect(await read.balance(c.sora, alice)).toBe(soraBefore + bought);
    expect(await read.balance(c.luma, alice)).toBe(lumaBefore - BigInt(spent));
    // What is left of the quota is less than one more wei of LUMA would buy (~4,000 wei of SORA).
    expect(await read.quota(alice)).toBe(quota - bought);
    expect(quota - bought).toBeLessThan(10_000n);
  });

  it("sellSora: approves exactly the SORA, which the pool burns, for the predicted LUMA", async () => {
    const held = await read.balance(c.sora, alice);
    const half = held / 2n;
    const amount = formatAmount(half, 18, { maxFractionDigits: 6, grouping: false }); // as a member types it
    const intent = await planOrFail(gateway.url, "planSellSora", { account: alice, amount });
    const sold = e18(amount);
    expect(intent.steps.map(callOf)).toEqual([
      `sora.approve(${getAddress(c.soraLumaPool)}, ${sold})`,
      `soraLumaPool.swapExactIn(${getAddress(c.sora)}, ${sold}, ${intent.outcome.bound?.amount.raw}, ${alice})`,
    ]);
    const [lumaBefore, supplyBefore] = [
      await read.balance(c.luma, alice),
      await chain.client.readContract({ address: c.sora, abi: soraAbi, functionName: "totalSupply" }),
    ];

    await sendPlan(chain, alice, intent);

    expect(await read.balance(c.luma, alice)).toBe(
      lumaBefore + BigInt(intent.outcome.receive[0]?.raw ?? "0"),
    );
    expect(
      await chain.client.readContract({ address: c.sora, abi: soraAbi, functionName: "totalSupply" }),
    ).toBe(supplyBefore - sold);
  });
});
