import { randomBytes } from "node:crypto";
import { encodeSignableCall, type SignableCall } from "@luma-pulse/protocol";
import type { Page } from "playwright-core";
import { maxUint256, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { InjectedWallet } from "../helpers/injectedWallet.ts";
import { plan, readIntent } from "./helpers/intents.ts";
import { type SigningStack, setupSigningStack } from "./helpers/setupSigningStack.ts";
import { signingPage } from "./helpers/signingPage.ts";
import { expireIntent, type StoredStep, tamperedId, tamperStoredSteps } from "./helpers/tamperIntent.ts";

// Links the page must not act on: each shows a clear message, offers nothing to sign, and the
// wallet never receives a transaction to send.

let stack: SigningStack;
beforeAll(async () => {
  stack = await setupSigningStack();
});

/** A member with LUMA, a 100 LUMA stake plan for them, and a page with their wallet (not opened yet). */
async function stakePlan() {
  const member = await stack.newMember({ luma: "100" });
  const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
  const opened = await stack.openWithWallet({ accountIndex: member.accountIndex });
  return { member, intent, ...opened };
}

/** Nothing to sign on the page, and the wallet was never asked to send anything. */
async function expectNothingSignable(page: Page, wallet: InjectedWallet) {
  expect(await page.getByTestId("sign-button").count()).toBe(0);
  expect(await page.getByTestId("connect-button").count()).toBe(0);
  expect(wallet.calls("eth_sendTransaction")).toEqual([]);
}

describe("links the page refuses", () => {
  it("an expired link says so and sends nothing", async () => {
    const { intent, page, wallet } = await stakePlan();
    await expireIntent(stack.prisma, intent.id);
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("EXPIRED");
    expect(await signingPage.statusText(page)).toMatch(/This link expired at .+ ask the bot for a new one/);
    await expectNothingSignable(page, wallet);
    expect((await readIntent(stack.gateway.url, intent.id)).status).toBe("EXPIRED");
  });

  it("a link already used (its intent confirmed) offers nothing more to sign", async () => {
    const { intent, page, wallet, member } = await stakePlan();
    await page.goto(intent.links.page);
    await signingPage.connect(page);
    await signingPage.sign(page);
    await signingPage.waitForStatus(page, "CONFIRMED");
    expect(wallet.sentTransactions()).toHaveLength(2);

    // The same link again, later, in another browser session with the same wallet.
    const again = await stack.openWithWallet({ accountIndex: member.accountIndex });
    await again.page.goto(intent.links.page);
    expect(await signingPage.settledStatus(again.page)).toBe("CONFIRMED");
    expect(await signingPage.statusText(again.page)).toMatch(/Confirmed/);
    await expectNothingSignable(again.page, again.wallet);
  });

  it("an unknown link says it is not valid and sends nothing", async () => {
    const { page, wallet } = await stack.openWithWallet({ accountIndex: 1 });
    await page.goto(`${stack.gateway.url}/sign/${randomBytes(16).toString("base64url")}`);
    expect(await signingPage.settledStatus(page)).toBe("INVALID");
    expect(await signingPage.statusText(page)).toBe("This link is not valid");
    await expectNothingSignable(page, wallet);
  });

  it("a tampered link (one character of the id changed) says it is not valid and sends nothing", async () => {
    const { intent, page, wallet } = await stakePlan();
    await page.goto(intent.links.page.replace(intent.id, tamperedId(intent.id)));
    expect(await signingPage.settledStatus(page)).toBe("INVALID");
    expect(await signingPage.statusText(page)).toBe("This link is not valid");
    await expectNothingSignable(page, wallet);
    // The real intent is untouched.
    expect((await readIntent(stack.gateway.url, intent.id)).status).toBe("PENDING");
  });
});

describe("an intent whose stored calldata was tampered with", () => {
  const actionStep = (steps: StoredStep[]) => steps.find((step) => step.kind === "action") as StoredStep;
  const approveStep = (steps: StoredStep[]) => steps.find((step) => step.kind === "approve") as StoredStep;

  it("calldata that differs from the call shown: the page refuses and sends nothing", async () => {
    const { intent, page, wallet } = await stakePlan();
    // The page would show "stake 100 LUMA" while the data stakes 1,000,000.
    await tamperStoredSteps(stack.prisma, intent.id, (steps) => {
      const step = actionStep(steps);
      const call = { ...step.call, args: [parseUnits("1000000", 18).toString()] } as SignableCall;
      step.data = encodeSignableCall(call);
    });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("REFUSED");
    expect(await signingPage.statusText(page)).toMatch(/refused: nothing will be sent/);
    expect(await signingPage.errorText(page)).toMatch(/step 2's calldata differs from the call shown/);
    await expectNothingSignable(page, wallet);
  });

  it("calls that stake more than shown, encoded alike (a lying gateway): the page refuses and sends nothing", async () => {
    const { intent, page, wallet } = await stakePlan();
    // Approval and stake both for 1,000,000 LUMA, calldata to match; the plan still shows 100.
    const million = parseUnits("1000000", 18).toString();
    await tamperStoredSteps(stack.prisma, intent.id, (steps) => {
      const approve = approveStep(steps);
      approve.call.args = [approve.call.args[0] as string, million];
      approve.data = encodeSignableCall(approve.call as SignableCall);
      const stake = actionStep(steps);
      stake.call.args = [million];
      stake.data = encodeSignableCall(stake.call as SignableCall);
    });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("REFUSED");
    expect(await signingPage.errorText(page)).toMatch(
      /“Amount” is shown as 100 LUMA, but step 2's call says 1,000,000 LUMA/,
    );
    await expectNothingSignable(page, wallet);
  });

  it("an unlimited approval, shown and encoded alike: the page refuses and sends nothing", async () => {
    const { intent, page, wallet } = await stakePlan();
    await tamperStoredSteps(stack.prisma, intent.id, (steps) => {
      const step = approveStep(steps);
      step.call.args = [step.call.args[0] as string, maxUint256.toString()];
      step.data = encodeSignableCall(step.call as SignableCall);
    });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("REFUSED");
    expect(await signingPage.errorText(page)).toMatch(/step 1 asks for an unlimited approval/);
    await expectNothingSignable(page, wallet);
  });
});
