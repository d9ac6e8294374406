import { advanceChainBy } from "@luma-pulse/devnet";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const DAY = 86_400n;

describe("yields query", () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const chain = await setupChain();
    const { actors, members, deployer } = chain;
    await actors.rebaseStake(members.bob, parseUnits("50000", 6));
    const position = await actors.optionStake(members.alice, parseUnits("100000", 18));
    // 10 days of epochs, rebased daily (3 epochs each): the index history the realised APY reads.
    for (let day = 0; day < 10; day++) {
      await advanceChainBy(deployer, DAY);
      await actors.rebaseIfDue();
    }
    await actors.claim(members.alice, position);
    gateway = await startReadyGateway(chain);
  });

  async function query(text: string) {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text }),
    });
    return (await response.json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: the query decides the shape
      data?: any;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  it("quotes the rebase APR and APY of PROTOCOL.md, each with its basis", async () => {
    const { data, errors } = await query(
      "{ yields { rebase { apr { percent basis } apy { percent basis } } } }",
    );
    expect(errors).toBeUndefined();
    expect(data.yields.rebase.apr).toEqual({ percent: "54.75", basis: expect.stringMatching(/simple/) });
    expect(data.yields.rebase.apy).toEqual({ percent: "72.87", basis: expect.stringMatching(/compounded/) });
  });

  it("measures the realised APY from the indexed index history, matching the nominal rate", async () => {
    const { data } = await query(
      "{ yields { rebase { realised7d { percent basis } realised30d { percent } } } }",
    );
    expect(Number.parseFloat(data.yields.rebase.realised7d.percent)).toBeCloseTo(72.87, 0);
    expect(data.yields.rebase.realised7d.basis).toMatch(/epoch \d+ to \d+/);
    expect(data.yields.rebase.realised30d).toBeNull(); // only 10 days of history
  });

  it("shows the claim fee's cost by holding period, and LUMA inflation next to the nominal yield", async () => {
    const { data } = await query(
      "{ yields { rebase { month: netApy { percent } day: netApy(holdingDays: 1) { percent } lumaInflation { percent } realApy { percent } } } }",
    );
    const rebase = data.yields.rebase;
    expect(Number.parseFloat(rebase.month.percent)).toBeLessThan(72.87);
    expect(Number.parseFloat(rebase.day.percent)).toBeLessThan(0);
    expect(Number.parseFloat(rebase.lumaInflation.percent)).toBeGreaterThan(0);
    expect(Number.parseFloat(rebase.realApy.percent)).toBeCloseTo(
      72.87 - Number.parseFloat(rebase.lumaInflation.percent),
      1,
    );
  });

  it("describes option staking: 0.5%/day to 2×, the early fee from 50% down to 0", async () => {
    const { data } = await query(
      "{ yields { option { dailyRatePercent capMultiple daysToCap releasePeriodDays earlyFeeCurve { daysRemaining feePercent } aprIfReleasedLinearly { percent } aprIfReleasedImmediately { percent } } } }",
    );
    const option = data.yields.option;
    expect(option).toMatchObject({
      dailyRatePercent: "0.50",
      capMultiple: "2.00",
      daysToCap: 400,
      releasePeriodDays: 30,
    });
    expect(option.earlyFeeCurve[0]).toEqual({ daysRemaining: 30, feePercent: "50.00" });
    expect(option.earlyFeeCurve).toContainEqual({ daysRemaining: 15, feePercent: "25.00" });
    expect(option.earlyFeeCurve.at(-1)).toEqual({ daysRemaining: 0, feePercent: "0.00" });
    expect(option.aprIfReleasedLinearly.percent).toBe("182.50");
    expect(option.aprIfReleasedImmediately.percent).toBe("91.25");
  });

  it("error: a holding period outside 1–3650 days gets a clear message and a code", async () => {
    const { errors } = await query("{ yields { rebase { netApy(holdingDays: 0) { percent } } } }");
    expect(errors?.[0]?.message).toBe("holdingDays must be between 1 and 3650; got 0.");
    expect(errors?.[0]?.extensions?.code).toBe("ARGUMENT_OUT_OF_RANGE");
  });
});
