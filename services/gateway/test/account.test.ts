import { advanceChainBy } from "@luma-pulse/devnet";
import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";

const DAY = 86_400n;

describe("account query", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, deployer } = chain;
    await actors.optionStake(members.alice, parseUnits("2000", 18)); // principal 1,000 LUMA
    await advanceChainBy(deployer, 10n * DAY);
    await actors.rebaseStake(members.alice, parseUnits("500", 6));
    const database = await setupDatabase();
    gateway = await startGateway({ database, manifest: chain.manifest, port: 0, log: () => {} });
  });
  afterAll(() => gateway?.stop());

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

  const ACCOUNT = `query ($address: Address!) { account(address: $address) {
    address sLuma { raw } soraQuota { formatted }
    optionPositions { id principal { formatted } earned { raw } claimable { raw } locked { raw }
      earlyReleaseFeeNow { raw } fullyReleasedAt earningUntil openedAt }
  } }`;

  it("shows a member's position exactly as the contract computes it, with its early fee now", async () => {
    const alice = chain.members.alice;
    const { data, errors } = await query(ACCOUNT, { address: alice.toLowerCase() });
    expect(errors).toBeUndefined();
    expect(data.account.address).toBe(alice);
    expect(data.account.soraQuota.formatted).toBe("10");
    const [position] = data.account.optionPositions;
    expect(position.principal.formatted).toBe("1,000");
    const state = await chain.client.readContract({
      address: chain.manifest.contracts.optionStaking,
      abi: optionStakingAbi,
      functionName: "positionState",
      args: [BigInt(position.id)],
    });
    expect(BigInt(position.earned.raw)).toBe(state.earned);
    expect(BigInt(position.claimable.raw) + BigInt(position.locked.raw)).toBe(state.earned);
    expect(BigInt(position.earlyReleaseFeeNow.raw)).toBe(state.earlyReleaseFee);
    expect(BigInt(position.earlyReleaseFeeNow.raw)).toBeGreaterThan(0n);
    const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
    expect(Math.round(days(position.earningUntil, position.openedAt))).toBe(400);
    expect(BigInt(data.account.sLuma.raw)).toBeGreaterThan(0n);
  });

  it("answers an empty wallet with zeros and no positions", async () => {
    const { data } = await query(ACCOUNT, { address: "0x000000000000000000000000000000000000bEEF" });
    expect(data.account.optionPositions).toEqual([]);
    expect(data.account.sLuma.raw).toBe("0");
  });

  it("error: a malformed address gets INVALID_ADDRESS and a clear message", async () => {
    const { errors } = await query(ACCOUNT, { address: "0x12345" });
    expect(errors?.[0]?.message).toMatch(/"0x12345" is not an address/);
    expect(errors?.[0]?.extensions?.code).toBe("INVALID_ADDRESS");
  });
});
