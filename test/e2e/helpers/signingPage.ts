import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * What a member does and sees on the signing page, through the `data-testid`s the page documents
 * at the top of services/signing-page/src/main.ts.
 */
export const signingPage = {
  /** The status line's `data-status` once it is no longer loading. */
  async settledStatus(page: Page, timeoutMs = 15_000): Promise<string> {
    const status = page.getByTestId("status");
    await expect
      .poll(async () => status.getAttribute("data-status"), { timeout: timeoutMs })
      .not.toMatch(/^(LOADING)?$/);
    return (await status.getAttribute("data-status")) ?? "";
  },
  /** Waits until the status line says `expected` (e.g. CONFIRMED after the steps are mined). */
  async waitForStatus(page: Page, expected: string, timeoutMs = 30_000): Promise<void> {
    await page
      .locator(`[data-testid="status"][data-status="${expected}"]`)
      .waitFor({ timeout: timeoutMs })
      .catch(async (error: Error) => {
        const shown = await page.getByTestId("status").getAttribute("data-status");
        const errors = (await page.getByTestId("error-message").allInnerTexts()).join(" | ");
        const message = `status stayed ${shown}, not ${expected}; errors on the page: ${errors || "none"}`;
        throw new Error(message, { cause: error });
      });
  },
  /** The text of the first element with `testId` as rendered: what the member reads. */
  text: (page: Page, testId: string) =>
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, not the DOM property
    page.getByTestId(testId).first().innerText(),
  statusText: (page: Page) => signingPage.text(page, "status"),
  errorText: (page: Page) => signingPage.text(page, "error-message"),
  /** Clicks "Connect Test Wallet" and waits for the connected account. */
  async connect(page: Page): Promise<string> {
    await page.locator('[data-testid="connect-button"][data-wallet="test.wallet"]').click();
    return signingPage.text(page, "connected-account");
  },
  /** Clicks the sign button (the page then walks every step). */
  sign: (page: Page) => page.getByTestId("sign-button").click(),
};
