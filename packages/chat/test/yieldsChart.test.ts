import { advanceChainBy } from "@luma-pulse/devnet";
import { rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { setupChain } from "../../../services/gateway/test/setupChain.ts";
import { startReadyGateway } from "../../../services/gateway/test/startReadyGateway.ts";
import { renderRebaseChart } from "../src/charts/renderRebaseChart.ts";
import { answerCommand } from "../src/commands/answerCommand.ts";
import type { CommandContext } from "../src/commands/CommandContext.ts";
import { createGatewayClient, type GatewayClient } from "../src/gateway/createGatewayClient.ts";
import { getRebaseHistory } from "../src/gateway/operations/getRebaseHistory.ts";
import type { Locale } from "../src/i18n/Locale.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("/yields with the rebase index chart, against a real gateway", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let client: GatewayClient;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, deployer } = chain;
    await actors.rebaseStake(members.bob, parseUnits("50000", 6));
    // Ten days of rebases: more than the chart's 7-day realised-APY window.
    for (let day = 0; day < 10; day++) {
      await advanceChainBy(deployer, 86_400n);
      await actors.rebaseIfDue();
    }
    const gateway = await startReadyGateway(chain);
    client = createGatewayClient({ url: gateway.url });
  }, 120_000);

  const context = (locale: Locale, charts: boolean): CommandContext => ({
    gateway: client,
    platform: "telegram",
    locale,
    user: { platform: "TELEGRAM", userId: "1" },
    chat: { kind: "group", isAdmin: false },
    now: new Date(),
    charts,
  });

  it("reads the index history with exact bigints, up to the chain's index now", async () => {
    const history = await getRebaseHistory(client, { locale: "en", interval: "DAY" });
    const index = await chain.client.readContract({
      address: chain.manifest.contracts.rebaseStaking,
      abi: rebaseStakingAbi,
      functionName: "index",
    });
    expect(history.points.length).toBeGreaterThanOrEqual(10);
    expect(history.points.at(-1)?.index).toBe(index);
    expect(history.points.at(-1)?.realisedApyPercent).toBe("72.87");
    expect(history.block.number).toBe(await chain.client.getBlockNumber());
  });

  it("attaches the chart as a PNG, titled in the user's language", async () => {
    for (const [locale, alt] of [
      ["en", "Rebase index and realised APY over time"],
      ["zh", "rebase 指数与实际年化走势"],
    ] as const) {
      const { view } = await answerCommand(context(locale, true), "yields", []);
      const chart = view.chart;
      expect(chart?.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(chart?.alt).toBe(alt);
      expect(view.asOf?.block).toBeGreaterThan(0n);
      // It draws the history, not the frame an empty one would get.
      expect(chart?.png.equals((await renderRebaseChart(locale, [])).png)).toBe(false);
    }
  });

  it("sends no chart where the bot does not want one", async () => {
    const { view } = await answerCommand(context("en", false), "yields", []);
    expect(view.chart).toBeUndefined();
    expect(view.title).toBeTruthy();
  });
});
