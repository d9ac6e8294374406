import { advanceChainBy, advanceChainTo } from "@luma-pulse/devnet";
import { optionStakingAbi, rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { type Address, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const DAY = 86_400n;
const SHARE_SCALE = 10n ** 36n;

describe("account query", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let bobPosition: bigint;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, deployer, manifest } = chain;
    const { alice, bob } = members;
    await actors.optionStake(alice, parseUnits("2000", 18)); // principal 1,000 LUMA, default terms
    // Bob's position gets fast terms (5%/day up to 1×): it stops earning after 20 days, so what it
    // has locked at day 25 only releases from then on, and the chain shows exactly that.
    for (const [functionName, value] of [
      ["setDailyRateBps", 500n],
      ["setCapBps", 10_000n],
    ] as const) {
      const hash = await deployer.writeContract({
        address: manifest.contracts.optionStaking,
        abi: optionStakingAbi,
        functionName,
        args: [value],
      });
      await deployer.waitForTransactionReceipt({ hash });
    }
    bobPosition = await actors.optionStake(bob, parseUnits("1000", 18));
    await actors.rebaseStake(alice, parseUnits("500", 6));
    for (let day = 1; day <= 25; day++) {
      await advanceChainBy(deployer, DAY);
      await actors.rebaseIfDue();
      if (day === 5) await actors.optionStake(alice, parseUnits("300", 18));
      if (day === 10) await actors.rebaseStake(alice, parseUnits("300", 6));
      if (day === 20) await actors.unstake(alice, parseUnits("100", 18));
      if (day === 22) await actors.rebaseStake(alice, parseUnits("200", 6));
    }
    gateway = await startReadyGateway(chain);
  });

  async function query(text: string, variables: Record<string, unknown>) {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: the query decides the shape
      data?: any;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  const positionState = (id: bigint, blockNumber?: bigint) =>
    chain.client.readContract({
      address: chain.manifest.contracts.optionStaking,
      abi: optionStakingAbi,
      functionName: "positionState",
      args: [id],
      blockNumber,
    });

  const POSITION = `id popStaked { raw } stake { txHash } principal { raw formatted } earned { raw } released { raw }
    claimable { raw } locked { raw } earlyReleaseFeeNow { raw } earlyReleasePayoutNow { raw } breakEvenOfWaiting
    fullyReleasedAt earningUntil openedAt`;
  const ACCOUNT = `query ($address: Address!) { account(address: $address) {
    address block { number timestamp } sLuma { raw } soraQuota { raw }
    optionPositions { ${POSITION} }
  } }`;

  it("shows a member's positions exactly as the contract computes them, with the early release now", async () => {
    const alice = chain.members.alice;
    const { data, errors } = await query(ACCOUNT, { address: alice.toLowerCase() });
    expect(errors).toBeUndefined();
    expect(data.account.address).toBe(alice);
    // 1 SORA of quota per 100 LUMA of principal, for each of the two stakes.
    const principals = data.account.optionPositions.map((p: { principal: { raw: string } }) =>
      BigInt(p.principal.raw),
    );
    expect(BigInt(data.account.soraQuota.raw)).toBe(principals[0] / 100n + principals[1] / 100n);
    const [position] = data.account.optionPositions;
    expect(position.principal.formatted).toBe("1,000");
    const state = await positionState(BigInt(position.id), BigInt(data.account.block.number));
    expect(BigInt(position.earned.raw)).toBe(state.earned);
    expect(BigInt(position.claimable.raw) + BigInt(position.locked.raw)).toBe(state.earned);
    expect(BigInt(position.released.raw)).toBe(state.earned - state.locked);
    expect(BigInt(position.earlyReleaseFeeNow.raw)).toBe(state.earlyReleaseFee);
    expect(BigInt(position.earlyReleaseFeeNow.raw)).toBeGreaterThan(0n);
    expect(BigInt(position.earlyReleasePayoutNow.raw)).toBe(
      state.claimable + state.locked - state.earlyReleaseFee,
    );
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    expect(Math.round(days(position.earningUntil, position.openedAt))).toBe(400);
    // Still earning: today's locked rewards span the last 25 days of a 30-day release.
    expect(days(position.breakEvenOfWaiting, data.account.block.timestamp)).toBeGreaterThan(0);
    expect(days(position.fullyReleasedAt, position.breakEvenOfWaiting)).toBeGreaterThan(0);
    expect(BigInt(data.account.sLuma.raw)).toBeGreaterThan(0n);
  });

  it("shows each position's POP staked and its opening transaction, from the event index", async () => {
    const { data, errors } = await query(ACCOUNT, { address: chain.members.alice });
    expect(errors).toBeUndefined();
    const staked = await chain.client.getContractEvents({
      address: chain.manifest.contracts.optionStaking,
      abi: optionStakingAbi,
      eventName: "Staked",
      args: { owner: chain.members.alice },
      fromBlock: chain.manifest.startBlock,
    });
    expect(data.account.optionPositions).toHaveLength(2);
    expect(data.account.optionPositions.map((p: { popStaked: { raw: string } }) => p.popStaked.raw)).toEqual([
      parseUnits("2000", 18).toString(),
      parseUnits("300", 18).toString(),
    ]);
    expect(data.account.optionPositions.map((p: { stake: { txHash: string } }) => p.stake.txHash)).toEqual(
      staked.map((event) => event.transactionHash),
    );
  });

  describe("sLUMA growth", () => {
    const GROWTH = `query ($address: Address!) { account(address: $address) { block { number timestamp }
      sLumaGrowth { balance { raw } shares index netDeposited { raw } growth { raw } growth7d { raw } } } }`;

    /** The account's stakes minus unstakes (sLUMA, before the fee) after `fromBlock`, from the chain's events. */
    async function netDepositedOnChain(account: Address, fromBlock: bigint) {
      const common = {
        address: chain.manifest.contracts.rebaseStaking,
        abi: rebaseStakingAbi,
        fromBlock,
      } as const;
      const [stakes, unstakes] = await Promise.all([
        chain.client.getContractEvents({ ...common, eventName: "Staked", args: { account } }),
        chain.client.getContractEvents({ ...common, eventName: "Unstaked", args: { account } }),
      ]);
      const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
      return (
        sum(stakes.map((e) => e.args.lumaAmount ?? 0n)) - sum(unstakes.map((e) => e.args.sLumaAmount ?? 0n))
      );
    }

    /** The last block at or before `time` (unix seconds). */
    async function blockAt(time: bigint, latest: bigint) {
      let [low, high] = [0n, latest];
      while (low < high) {
        const mid = (low + high + 1n) / 2n;
        if ((await chain.client.getBlock({ blockNumber: mid })).timestamp <= time) low = mid;
        else high = mid - 1n;
      }
      return low;
    }

    it("values sLUMA as shares × index and its growth as that minus the LUMA net deposited", async () => {
      const alice = chain.members.alice;
      const { data, errors } = await query(GROWTH, { address: alice });
      expect(errors).toBeUndefined();
      const growth = data.account.sLumaGrowth;
      const blockNumber = BigInt(data.account.block.number);
      const [shares, index, balance] = await Promise.all(
        (["sharesOf", "index", "balanceOf"] as const).map((functionName) =>
          chain.client.readContract({
            address: chain.manifest.contracts.rebaseStaking,
            abi: rebaseStakingAbi,
            functionName,
            args: functionName === "index" ? undefined : [alice],
            blockNumber,
          } as Parameters<typeof chain.client.readContract>[0]),
        ),
      );
      expect(BigInt(growth.balance.raw)).toBe(balance);
      expect(BigInt(growth.balance.raw)).toBe(((shares as bigint) * (index as bigint)) / SHARE_SCALE);
      const netDeposited = await netDepositedOnChain(alice, chain.manifest.startBlock);
      expect(BigInt(growth.netDeposited.raw)).toBe(netDeposited);
      expect(BigInt(growth.growth.raw)).toBe((balance as bigint) - netDeposited);
      expect(BigInt(growth.growth.raw)).toBeGreaterThan(0n);
    });

    it("measures the last 7 days' growth: balance now − balance 7 days ago − LUMA net deposited since", async () => {
      const alice = chain.members.alice;
      const { data } = await query(GROWTH, { address: alice });
      const blockNumber = BigInt(data.account.block.number);
      const weekAgo = BigInt(Date.parse(data.account.block.timestamp) / 1000) - 7n * DAY;
      const then = await blockAt(weekAgo, blockNumber);
      const balanceAt = (block: bigint) =>
        chain.client.readContract({
          address: chain.manifest.contracts.rebaseStaking,
          abi: rebaseStakingAbi,
          functionName: "balanceOf",
          args: [alice],
          blockNumber: block,
        });
      const expected =
        (await balanceAt(blockNumber)) -
        (await balanceAt(then)) -
        (await netDepositedOnChain(alice, then + 1n));
      // The window holds an unstake (day 20) and a stake (day 22), so all three terms matter.
      expect(BigInt(data.account.sLumaGrowth.growth7d.raw)).toBe(expected);
      expect(expected).toBeGreaterThan(0n);
      expect(expected).toBeLessThan(BigInt(data.account.sLumaGrowth.growth.raw));
    });

    it("is all zeros for a wallet that never staked", async () => {
      const { data } = await query(GROWTH, { address: "0x000000000000000000000000000000000000bEEF" });
      expect(data.account.sLumaGrowth).toMatchObject({
        balance: { raw: "0" },
        netDeposited: { raw: "0" },
        growth: { raw: "0" },
        growth7d: { raw: "0" },
      });
    });
  });

  it("answers an empty wallet with zeros and no positions", async () => {
    const { data } = await query(ACCOUNT, { address: "0x000000000000000000000000000000000000bEEF" });
    expect(data.account.optionPositions).toEqual([]);
    expect(data.account.sLuma.raw).toBe("0");
  });

  it("accepts an address in any case, even with a wrong checksum, and answers it checksummed", async () => {
    const alice = chain.members.alice;
    const swapped = `0x${[...alice.slice(2)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("")}`;
    expect(swapped).not.toBe(alice);
    const { data, errors } = await query(ACCOUNT, { address: swapped });
    expect(errors).toBeUndefined();
    expect(data.account.address).toBe(alice);
  });

  it("error: a malformed address gets INVALID_ADDRESS and a clear message", async () => {
    const { errors } = await query(ACCOUNT, { address: "0x12345" });
    expect(errors?.[0]?.message).toMatch(/"0x12345" is not an address/);
    expect(errors?.[0]?.extensions?.code).toBe("INVALID_ADDRESS");
  });

  it("answers one position by id, as in its owner's account", async () => {
    const byId = await query(`query ($id: BigInt!) { optionPosition(id: $id) { ${POSITION} } }`, {
      id: bobPosition.toString(),
    });
    const account = await query(ACCOUNT, { address: chain.members.bob });
    expect(byId.errors).toBeUndefined();
    expect(byId.data.optionPosition).toEqual(account.data.account.optionPositions[0]);
  });

  it("error: an unknown position id gets UNKNOWN_POSITION", async () => {
    const { errors } = await query('{ optionPosition(id: "999") { id } }', {});
    expect(errors?.[0]?.extensions?.code).toBe("UNKNOWN_POSITION");
    expect(errors?.[0]?.message).toMatch(/no option position 999/);
  });

  // Last: it moves the chain forward.
  it("dates the break-even of waiting to the second the chain has released what an early release paid", async () => {
    const { data, errors } = await query(ACCOUNT, { address: chain.members.bob });
    expect(errors).toBeUndefined();
    const [position] = data.account.optionPositions;
    const start = await positionState(bobPosition, BigInt(data.account.block.number));
    expect(BigInt(position.locked.raw)).toBe(start.locked);
    const paidEarly = start.locked - start.earlyReleaseFee;
    const breakEven = BigInt(Date.parse(position.breakEvenOfWaiting) / 1000);
    expect(breakEven).toBeLessThan(BigInt(Date.parse(position.fullyReleasedAt) / 1000));
    // Bob no longer earns, so every LUMA the chain releases from here on was locked at the start.
    const releasedSinceStartAt = async (time: bigint) => {
      await advanceChainTo(chain.deployer, time);
      const block = await chain.client.getBlock();
      expect(block.timestamp).toBe(time);
      return (await positionState(bobPosition, block.number)).claimable - start.claimable;
    };
    expect(await releasedSinceStartAt(breakEven - DAY)).toBeLessThan(paidEarly);
    expect(await releasedSinceStartAt(breakEven - 1n)).toBeLessThan(paidEarly);
    expect(await releasedSinceStartAt(breakEven)).toBeGreaterThanOrEqual(paidEarly);
  });
});
