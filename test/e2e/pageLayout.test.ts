import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { graphqlData } from "./helpers/graphql.ts";
import { type IntentState, plan } from "./helpers/intents.ts";
import { type SigningStack, serviceToken, setupSigningStack } from "./helpers/setupSigningStack.ts";
import { signingPage } from "./helpers/signingPage.ts";

// What a member on a phone sees: the page fits a 360 px screen in both languages, picks Chinese
// from the browser's language, and switches to English (and back) on request.

let stack: SigningStack;
let member: Awaited<ReturnType<SigningStack["newMember"]>>;
let intent: IntentState;
beforeAll(async () => {
  stack = await setupSigningStack();
  member = await stack.newMember({ luma: "100" });
  intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
});

const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const CJK = /[\u4e00-\u9fff]/;

/** The page's full width (what can be scrolled to sideways) and how far it is scrolled. */
const horizontalExtent = (page: Page) =>
  page.evaluate(
    "({ scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), scrollX: window.scrollX })",
  ) as Promise<{ scrollWidth: number; scrollX: number }>;

/**
 * The element is shown and lies inside the screen's width: nothing of it needs a sideways scroll.
 * Polled: the page re-renders as wallets announce themselves, replacing its elements.
 */
async function expectWithinWidth(page: Page, testId: string, width: number) {
  const element = page.getByTestId(testId).first();
  await expect
    .poll(() =>
      element.evaluate((node) => {
        const { left, right, height } = node.getBoundingClientRect();
        return { shown: height > 0, left: Math.round(left), right: Math.round(right) };
      }),
    )
    .toMatchObject({ shown: true, left: expect.toSatisfy((left: number) => left >= 0) });
  const { right } = await element.evaluate((node) => node.getBoundingClientRect());
  expect(right).toBeLessThanOrEqual(width);
}

describe("on a 360 × 740 phone", () => {
  for (const locale of ["en-US", "zh-CN"]) {
    it(`the sign page has no horizontal overflow and its sign button is on screen (${locale})`, async () => {
      const { page } = await stack.openWithWallet(
        { accountIndex: member.accountIndex },
        { ...phone, locale },
      );
      await page.goto(intent.links.page);
      expect(await signingPage.settledStatus(page)).toBe("PENDING");
      expect((await horizontalExtent(page)).scrollWidth).toBeLessThanOrEqual(360);
      await expectWithinWidth(page, "connect-button", 360);

      await signingPage.connect(page);
      await expectWithinWidth(page, "sign-button", 360);
      expect(await horizontalExtent(page)).toEqual({ scrollWidth: expect.any(Number), scrollX: 0 });
      expect((await horizontalExtent(page)).scrollWidth).toBeLessThanOrEqual(360);
    });
  }

  it("the wallet link page has no horizontal overflow either", async () => {
    const { challenge } = await graphqlData<{ challenge: { url: string } }>(
      stack.gateway.url,
      'mutation { challenge: createWalletLinkChallenge(platform: DISCORD, userId: "2001") { url } }',
      {},
      { authorization: `Bearer ${serviceToken}` },
    );
    const { page } = await stack.openWithWallet({ accountIndex: 2 }, phone);
    await page.goto(challenge.url);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    await signingPage.connect(page);
    await expectWithinWidth(page, "sign-button", 360);
    expect((await horizontalExtent(page)).scrollWidth).toBeLessThanOrEqual(360);
  });
});

describe("the page's language", () => {
  it("is Chinese for a Chinese browser; the switch changes it to English, and it is remembered", async () => {
    const { page } = await stack.openWithWallet({ accountIndex: member.accountIndex }, { locale: "zh-CN" });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await signingPage.statusText(page)).toBe("等待签名");
    expect(await signingPage.text(page, "action-summary")).toMatch(/^质押 100(\.0+)? LUMA/);
    // The gateway words the steps in the page's language too.
    await expect.poll(() => signingPage.text(page, "step")).toMatch(CJK);
    expect(await signingPage.text(page, "language-switch")).toBe("English");

    await page.getByTestId("language-switch").click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await signingPage.statusText(page)).toBe("Ready to sign");
    expect(await signingPage.text(page, "action-summary")).toMatch(/^Stake 100(\.0+)? LUMA/);
    await expect.poll(() => signingPage.text(page, "step")).not.toMatch(CJK);
    expect(await signingPage.text(page, "language-switch")).toBe("中文");

    await page.reload();
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    expect(await signingPage.statusText(page)).toBe("Ready to sign");
  });

  it("is English for an English browser, and switches to Chinese", async () => {
    const { page } = await stack.openWithWallet({ accountIndex: member.accountIndex }, { locale: "en-GB" });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    expect(await signingPage.statusText(page)).toBe("Ready to sign");
    await page.getByTestId("language-switch").click();
    expect(await signingPage.statusText(page)).toBe("等待签名");
    await expect.poll(() => signingPage.text(page, "step")).toMatch(CJK);
  });
});
