import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const e18 = (value: string) => parseUnits(value, 18);
const SORA_QUERY = "{ sora { block { number } burned { raw } } }";

type SoraAnswer = { sora: { block: { number: string }; burned: { raw: string } } };

/**
 * The per-block response cache (cache/usePerBlockResponseCache.ts) answers `sora`, `yields`,
 * `protocol` and `pools` once per block: members must still see every burn as soon as its block is
 * the head, and per-wallet answers must never come from another block's cache.
 */
describe("per-block response cache", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, e18("100000")); // SORA quota to buy with
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6)); // LUMA to pay
    await actors.buySora(members.alice, e18("0.05"));
    // A slow head poll keeps the gateway's head on one block for seconds after a transaction, so a
    // cached answer of that block would show; per-wallet reads (account) read the chain's latest.
    gateway = await startReadyGateway(chain, { chainHeadPollIntervalMs: 2_000 });
  });

  const soraNow = async () => {
    const { body } = await postGraphql(gateway.url, SORA_QUERY);
    expect(body.errors).toBeUndefined();
    return (body.data as SoraAnswer).sora;
  };

  it("gives the same answer within a block and the new total once a burn's block is the head", async () => {
    const before = await soraNow();
    expect(await soraNow()).toEqual(before);

    const { actors, members, manifest } = chain;
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    await actors.sellSora(members.alice, held / 2n);
    const saleBlock = await chain.client.getBlockNumber();
    const deadline = Date.now() + 10_000;
    let after = await soraNow();
    while (BigInt(after.block.number) < saleBlock && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await soraNow();
    }
    expect(BigInt(after.burned.raw)).toBe(BigInt(before.burned.raw) + held / 2n);
  });

  it("never serves a wallet's answer from the cache of a query that mixes in a cached field", async () => {
    const { actors, members, manifest } = chain;
    const query = `{ sora { burned { raw } } account(address: "${members.alice}") { sora { raw } } }`;
    const soraOf = async () => {
      const { body } = await postGraphql(gateway.url, query);
      expect(body.errors).toBeUndefined();
      return (body.data as { account: { sora: { raw: string } } }).account.sora.raw;
    };
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    expect(held).toBeGreaterThan(0n);
    expect(await soraOf()).toBe(held.toString());
    expect(await soraOf()).toBe(held.toString());
    // Sold within the head's poll interval: a cached answer would still show the old balance.
    await actors.sellSora(members.alice, held);
    expect(await soraOf()).toBe("0");
  });
});
