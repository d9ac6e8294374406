import { soraAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { createGatewayConfig } from "../src/config.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startCountingRpcProxy } from "./startCountingRpcProxy.ts";

type Answer = {
  // biome-ignore lint/suspicious/noExplicitAny: the query decides the shape
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const SORA_QUERY =
  "{ sora { block { number } burned { raw } burned24h { raw } price { usd } milestones { percent } } }";

describe("per-block reads", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let proxy: Awaited<ReturnType<typeof startCountingRpcProxy>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    // SORA for alice to sell during the tests: every sell burns and mines a block.
    await actors.optionStake(members.alice, parseUnits("100000", 18));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.05", 18));
    // A first sell approves the pool, so that each sell in the tests is one transaction, one block.
    await actors.sellSora(members.alice, parseUnits("1", 18));
    // The gateway reaches the chain only through the proxy, which counts its calls.
    proxy = await startCountingRpcProxy(manifest.rpcUrl);
    gateway = await startGateway({
      database: await setupDatabase(),
      manifest: { ...manifest, rpcUrl: proxy.url },
      port: 0,
      log: () => {},
      // These tests ask again and again until the gateway has caught up: no per-IP budget.
      protection: createGatewayConfig({ RATE_LIMIT_PER_IP: "0" }).protection,
    });
    deferTeardown(() => gateway.stop());
    // Caught up with the chain: the indexer's first pass (it reads pool tokens) is done.
    await queryUntil(
      "{ protocol { indexer { lagBlocks } } }",
      (a) => a.data?.protocol.indexer.lagBlocks === "0",
    );
  });

  async function query(text: string): Promise<Answer> {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text }),
    });
    return (await response.json()) as Answer;
  }

  const totalBurned = () =>
    chain.client.readContract({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      functionName: "totalBurned",
    });

  /** Asks `text` until `check` holds (the gateway polls the head; the indexer follows it). */
  async function queryUntil(text: string, check: (answer: Answer) => boolean): Promise<Answer> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const answer = await query(text);
      if (check(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`no such answer in time; last: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("answers 20 concurrent sora queries at one block with one chain read", async () => {
    proxy.resetCounts();
    const answers = await Promise.all(Array.from({ length: 20 }, () => query(SORA_QUERY)));
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    expect(new Set(answers.map((answer) => answer.data.sora.block.number))).toEqual(new Set([String(head)]));
    expect(answers[0]?.data.sora.burned.raw).toBe(String(await totalBurned()));
    expect(proxy.count("eth_call")).toBe(1);
    // Later requests at the same block are answered from the same read.
    await Promise.all(Array.from({ length: 5 }, () => query(SORA_QUERY)));
    expect(proxy.count("eth_call")).toBe(1);
  });

  it("picks up a new block, then the burns the indexer adds at it", async () => {
    const before = await query(SORA_QUERY);
    const held = await chain.actors.read.balance(chain.manifest.contracts.sora, chain.members.alice);
    proxy.resetCounts();
    await chain.actors.sellSora(chain.members.alice, held / 4n);
    const mined = String(await chain.client.getBlockNumber({ cacheTime: 0 }));
    const after = await queryUntil(
      SORA_QUERY,
      (answer) =>
        answer.data?.sora.block.number === mined &&
        answer.data.sora.burned24h.raw !== before.data.sora.burned24h.raw,
    );
    expect(BigInt(after.data.sora.burned.raw)).toBe(await totalBurned());
    expect(BigInt(after.data.sora.burned.raw)).toBeGreaterThan(BigInt(before.data.sora.burned.raw));
    const burnedNow = BigInt(after.data.sora.burned.raw) - BigInt(before.data.sora.burned.raw);
    expect(BigInt(after.data.sora.burned24h.raw) - BigInt(before.data.sora.burned24h.raw)).toBe(burnedNow);
    // However many requests it took to see the new block, its chain state was read once.
    expect(proxy.count("eth_call")).toBe(1);
  });

  it("error: a chain read that fails is not cached: the next request at the same block reads again", async () => {
    proxy.cut("eth_call");
    await chain.client.request({ method: "evm_mine" } as never);
    const head = String(await chain.client.getBlockNumber({ cacheTime: 0 }));
    // The head itself is still polled (eth_getBlockByNumber goes through).
    await queryUntil(
      "{ protocol { block { number } } }",
      (answer) => answer.data?.protocol.block.number === head,
    );
    const failed = await query(SORA_QUERY);
    expect(failed.data).toBeNull();
    expect(failed.errors?.length).toBeGreaterThan(0);
    proxy.restore();
    const answer = await query(SORA_QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.sora.block.number).toBe(head);
    expect(BigInt(answer.data.sora.burned.raw)).toBe(await totalBurned());
  });
});
