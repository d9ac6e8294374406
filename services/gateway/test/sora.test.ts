import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { soraAbi } from "@luma-pulse/protocol/abis";
import { maxUint256, parseEventLogs, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const e18 = (value: string) => parseUnits(value, 18);

describe("sora query", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;
  const burnTxs: string[] = [];

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    // A whale's unstake fee (2% of ~1M LUMA) funds one buyback big enough to burn over 10%.
    await actors.rebaseStake(members.bob, parseUnits("2000000", 6));
    await actors.unstake(members.bob, maxUint256);
    burnTxs.push((await actors.buyback(members.keeper)).transactionHash);
    await actors.optionStake(members.alice, e18("100000")); // 500 SORA of quota
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.05"));
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    burnTxs.push((await actors.sellSora(members.alice, held / 2n)).transactionHash);
    gateway = await startReadyGateway(chain);
  });

  async function querySora() {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ sora {
          block { number }
          maxSupply { raw formatted }
          burned { raw decimals symbol formatted }
          burnedPercent
          circulating { raw }
          burned24h { raw }
          burned7d { raw }
          price { luma usd launchUsd multipleSinceLaunch }
          milestones { percent reachedAt blockNumber txHash }
        } }`,
      }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the query above decides the shape
    const body = (await response.json()) as { data: { sora: Record<string, any> }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data.sora;
  }

  it("reports burned, its share of 210,000,000 and circulating exactly, as the chain has them", async () => {
    const sora = await querySora();
    const burned = await chain.client.readContract({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      functionName: "totalBurned",
    });
    expect(sora.maxSupply).toEqual({ raw: SORA_MAX_SUPPLY.toString(), formatted: "210,000,000" });
    expect(sora.burned).toMatchObject({ raw: burned.toString(), decimals: 18, symbol: "SORA" });
    expect(BigInt(sora.circulating.raw)).toBe(SORA_MAX_SUPPLY - burned);
    const percentTimes100 = (burned * 10_000n) / SORA_MAX_SUPPLY;
    expect(sora.burnedPercent).toMatch(new RegExp(`^${percentTimes100 / 100n}\\.\\d\\d$`));
  });

  it("sums the last 24 h and 7 d of burns from the indexed events", async () => {
    const sora = await querySora();
    let total = 0n;
    for (const hash of burnTxs) {
      const receipt = await chain.client.getTransactionReceipt({ hash: hash as `0x${string}` });
      for (const log of parseEventLogs({ abi: soraAbi, logs: receipt.logs, eventName: "SoraBurned" }))
        total += log.args.amount;
    }
    expect(BigInt(sora.burned24h.raw)).toBe(total);
    expect(BigInt(sora.burned7d.raw)).toBe(total);
  });

  it("prices SORA from the pools, with the launch price ($0.00025) and the multiple since", async () => {
    const sora = await querySora();
    expect(sora.price.launchUsd).toBe("0.00025");
    expect(Number.parseFloat(sora.price.usd)).toBeGreaterThan(0.00025);
    expect(Number.parseFloat(sora.price.multipleSinceLaunch)).toBeGreaterThan(1);
    expect(Number.parseFloat(sora.price.multipleSinceLaunch)).toBeCloseTo(
      Number.parseFloat(sora.price.usd) / 0.00025,
      1,
    );
  });

  it("lists the 10% milestone with the buyback that crossed it", async () => {
    const sora = await querySora();
    expect(sora.milestones[0]).toMatchObject({ percent: 10, txHash: burnTxs[0]?.toLowerCase() });
    expect(
      sora.milestones.every((m: { percent: number }) => m.percent <= Number.parseFloat(sora.burnedPercent)),
    ).toBe(true);
  });
});
