import { describe, expect, it } from "vitest";
import { formatAmount } from "../src/index.ts";

const MAX_UINT256 = 2n ** 256n - 1n;
const LUMA = 10n ** 18n;

describe("formatAmount", () => {
  it("prints every decimal by default and trims trailing zeros", () => {
    expect(formatAmount(1_500_000n, 6)).toBe("1.5");
    expect(formatAmount(1n, 18)).toBe("0.000000000000000001");
    expect(formatAmount(100n * LUMA, 18)).toBe("100");
  });

  it("groups thousands with commas by default", () => {
    expect(formatAmount(1_234_567_890_000n, 6)).toBe("1,234,567.89");
    expect(formatAmount(999n, 0)).toBe("999");
    expect(formatAmount(1000n, 0)).toBe("1,000");
  });

  it("can leave out grouping", () => {
    expect(formatAmount(1_234_567_890_000n, 6, { grouping: false })).toBe("1234567.89");
  });

  it("can keep trailing zeros up to maxFractionDigits", () => {
    expect(formatAmount(1_500_000n, 6, { trimZeros: false })).toBe("1.500000");
    expect(formatAmount(100n * LUMA, 18, { maxFractionDigits: 2, trimZeros: false })).toBe("100.00");
    expect(formatAmount(5n, 0, { maxFractionDigits: 2, trimZeros: false })).toBe("5.00");
  });

  it("rounds half up at maxFractionDigits", () => {
    expect(formatAmount(1_005n, 3, { maxFractionDigits: 2 })).toBe("1.01");
    expect(formatAmount(1_004_999n, 6, { maxFractionDigits: 2 })).toBe("1");
    expect(formatAmount(1_235n, 3, { maxFractionDigits: 2 })).toBe("1.24");
    expect(formatAmount(999_995n, 6, { maxFractionDigits: 5 })).toBe("1");
    expect(formatAmount(999_999_500n, 6, { maxFractionDigits: 0 })).toBe("1,000");
  });

  it("rounds negative values symmetrically (half away from zero)", () => {
    expect(formatAmount(-1_005n, 3, { maxFractionDigits: 2 })).toBe("-1.01");
    expect(formatAmount(-1_004n, 3, { maxFractionDigits: 2 })).toBe("-1");
  });

  it("formats negative values with a leading minus", () => {
    expect(formatAmount(-1_234_500_000n, 6)).toBe("-1,234.5");
  });

  it("formats zero as 0 and never prints -0", () => {
    expect(formatAmount(0n, 18)).toBe("0");
    expect(formatAmount(0n, 18, { maxFractionDigits: 2, trimZeros: false })).toBe("0.00");
    expect(formatAmount(-1n, 18, { maxFractionDigits: 2 })).toBe("0");
  });

  it("formats tokens without decimals", () => {
    expect(formatAmount(42n, 0)).toBe("42");
  });

  it("formats uint256 max exactly at 18 and 6 decimals", () => {
    expect(formatAmount(MAX_UINT256, 18)).toBe(
      "115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457.584007913129639935",
    );
    expect(formatAmount(MAX_UINT256, 6, { grouping: false })).toBe(
      "115792089237316195423570985008687907853269984665640564039457584007913129.639935",
    );
    expect(formatAmount(MAX_UINT256, 18, { maxFractionDigits: 2, grouping: false })).toBe(
      "115792089237316195423570985008687907853269984665640564039457.58",
    );
  });

  it("error: treats bad decimals or maxFractionDigits as a bug (RangeError)", () => {
    expect(() => formatAmount(1n, -1)).toThrow(RangeError);
    expect(() => formatAmount(1n, 18, { maxFractionDigits: -1 })).toThrow(RangeError);
    expect(() => formatAmount(1n, 18, { maxFractionDigits: 1.5 })).toThrow(RangeError);
  });
});
