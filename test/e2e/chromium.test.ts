import { describe, expect, it } from "vitest";
import { ChromiumMissingError, findChromium, launchChromium } from "../helpers/chromium.ts";

describe("finding Chromium for the browser tests", () => {
  it("finds Debian's chromium on this machine and runs it headless", async () => {
    const browser = await launchChromium();
    try {
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });

  it("without one, fails with a one-line install hint on a developer's machine", () => {
    const missing = () => findChromium({ PATH: "/nonexistent" });
    expect(missing).toThrow(ChromiumMissingError);
    expect(missing).toThrow("Chromium is not installed: install it: apt-get install chromium");
  });

  it("without one in CI, fails saying the browser tests must run there", () => {
    expect(() => findChromium({ PATH: "/nonexistent", CI: "true" })).toThrow(
      /Chromium is missing in CI, but the browser tests must run there/,
    );
  });

  it("refuses a CHROMIUM_PATH that is not a binary", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" })).toThrow(
      "CHROMIUM_PATH=/nonexistent/chromium is not an executable file.",
    );
  });
});
