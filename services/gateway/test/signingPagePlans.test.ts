import { advanceChainBy } from "@luma-pulse/devnet";
import { formatAmount } from "@luma-pulse/protocol";
import { type Address, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
// The page's own query, checks and words, run in Node against this gateway's real plans.
import { INTENT_QUERY } from "../../signing-page/src/api/documents.ts";
import type { Deployment, SigningIntent } from "../../signing-page/src/api/types.ts";
import { readCallTerms } from "../../signing-page/src/checks/callTerms.ts";
import { checkIntent } from "../../signing-page/src/checks/checkIntent.ts";
import { describeAction } from "../../signing-page/src/format/describeAction.ts";
import { translate } from "../../signing-page/src/i18n/translate.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { planOrFail, sendPlan } from "./planApi.ts";
import { mintTo } from "./planFunding.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

// Every plan the gateway builds must pass every check of the signing page (what it shows is what
// the calls' arguments say), or members could never sign it: one plan of each action, built by
// this gateway on a chain where each can be made.

const DAY = 86_400n;
const e18 = (value: string) => parseUnits(value, 18);

let chain: Awaited<ReturnType<typeof setupChain>>;
let gateway: RunningGateway;
let alice: Address;
let bob: Address;
let position: bigint;

beforeAll(async () => {
  chain = await setupChain();
  const c = chain.manifest.contracts;
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

/** The intent as the page reads it (its own query), in English. */
async function pageView(id: string): Promise<{ intent: SigningIntent; deployment: Deployment }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify({ query: INTENT_QUERY, variables: { id } }),
  });
  const body = (await response.json()) as { data?: { intent: SigningIntent; protocol: Deployment } };
  if (!body.data) throw new Error(`the page could not read intent ${id}: ${JSON.stringify(body)}`);
  return { intent: body.data.intent, deployment: body.data.protocol };
}

/** Plans with `mutation`, then checks it as the page does: the refusals, and the headline it shows. */
async function planAsThePageSeesIt(mutation: string, args: Record<string, string>) {
  const planned = await planOrFail(gateway.url, mutation, args);
  const { intent, deployment } = await pageView(planned.id);
  const action = intent.steps.at(-1);
  const terms = action && readCallTerms(action, deployment);
  return {
    planned,
    intent,
    refusals: checkIntent(intent, deployment).map((problem) => translate("en", problem)),
    headline: translate("en", describeAction(intent, terms)),
  };
}

describe("the gateway's plans, as the signing page checks them", () => {
  it("stake LUMA, then unstake sLUMA", async () => {
    const stake = await planAsThePageSeesIt("planStakeLuma", { account: bob, amount: "100" });
    expect(stake.refusals).toEqual([]);
    expect(stake.headline).toBe("Stake 100 LUMA");
    await sendPlan(chain, bob, stake.planned);

    const unstake = await planAsThePageSeesIt("planUnstakeLuma", { account: bob, amount: "50" });
    expect(unstake.refusals).toEqual([]);
    expect(unstake.headline).toBe("Unstake 50 sLUMA");
  });

  it("stake POP: its principal is shown and within the call's minPrincipal", async () => {
    const { refusals, headline, intent } = await planAsThePageSeesIt("planStakePop", {
      account: bob,
      amount: "500",
    });
    expect(refusals).toEqual([]);
    expect(headline).toBe("Stake 500 POP");
    expect(intent.outcome.principal?.symbol).toBe("LUMA");
    expect(BigInt(intent.outcome.principal?.raw ?? "0")).toBeGreaterThan(0n);
  });

  it("claim released LUMA, and release a position early", async () => {
    const claim = await planAsThePageSeesIt("planClaimReleased", {
      account: alice,
      positionId: `${position}`,
    });
    expect(claim.refusals).toEqual([]);
    expect(claim.headline).toBe(`Claim released LUMA from position #${position}`);
    const release = await planAsThePageSeesIt("planReleaseEarly", {
      account: alice,
      positionId: `${position}`,
    });
    expect(release.refusals).toEqual([]);
    expect(release.headline).toBe(`Release position #${position} early`);
  });

  it("buy SORA with the whole quota, then sell half of it", async () => {
    const buy = await planAsThePageSeesIt("planBuySora", { account: alice, amount: "max" });
    expect(buy.refusals).toEqual([]);
    expect(buy.headline).toMatch(/^Buy SORA with [\d,.]+ LUMA$/);
    await sendPlan(chain, alice, buy.planned);

    const held = await chain.actors.read.balance(chain.manifest.contracts.sora, alice);
    const amount = formatAmount(held / 2n, 18, { maxFractionDigits: 6, grouping: false });
    const sell = await planAsThePageSeesIt("planSellSora", { account: alice, amount });
    expect(sell.refusals).toEqual([]);
    expect(sell.headline).toBe(`Sell ${formatAmount(e18(amount), 18, { maxFractionDigits: 6 })} SORA`);
  });
});
