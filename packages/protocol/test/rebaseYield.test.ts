import { describe, expect, it } from "vitest";
import { annualizedPercent, netApyPercent, rebaseAprPercent, rebaseApyPercent } from "../src/index.ts";

const EPOCH = 8n * 3_600n;
const DAY = 86_400n;

describe("rebase yields", () => {
  it("quotes PROTOCOL.md's defaults: 54.75% APR simple, about 72.8% APY compounded", () => {
    expect(rebaseAprPercent(5n, EPOCH)).toBe("54.75");
    expect(rebaseApyPercent(5n, EPOCH)).toBe("72.87");
  });

  it("charges the 2% claim fee once: a 30-day hold keeps far less than the APY, a 1-day hold loses", () => {
    const month = Number.parseFloat(netApyPercent(5n, EPOCH, 200n, 30n * DAY));
    expect(month).toBeGreaterThan(30);
    expect(month).toBeLessThan(40);
    expect(Number.parseFloat(netApyPercent(5n, EPOCH, 200n, DAY))).toBeLessThan(0);
    // A whole year: 1.7287 × 0.98 − 1.
    expect(netApyPercent(5n, EPOCH, 200n, 365n * DAY)).toBe("69.41");
  });

  it("annualizes a measured growth", () => {
    expect(annualizedPercent(1.01, 365 * 86_400)).toBe("1.00");
    expect(annualizedPercent(1.0005 ** 21, 7 * 86_400)).toBe(((1.0005 ** 1095 - 1) * 100).toFixed(2));
  });
});
