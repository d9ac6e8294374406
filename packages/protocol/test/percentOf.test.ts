import { describe, expect, it } from "vitest";
import { percentOf } from "../src/index.ts";

const SORA_SUPPLY = 210_000_000n * 10n ** 18n;

describe("percentOf", () => {
  it("gives the share of SORA burned: 76.70", () => {
    expect(percentOf(161_076_068_906n * 10n ** 15n, SORA_SUPPLY)).toBe("76.70");
  });

  it("gives the share of SORA left: 23.30", () => {
    expect(percentOf(48_923_931_094n * 10n ** 15n, SORA_SUPPLY)).toBe("23.30");
  });

  it("keeps exactly fractionDigits digits", () => {
    expect(percentOf(1n, 3n, 4)).toBe("33.3333");
    expect(percentOf(1n, 3n, 0)).toBe("33");
    expect(percentOf(1n, 1n)).toBe("100.00");
    expect(percentOf(0n, 5n)).toBe("0.00");
  });

  it("rounds half up", () => {
    expect(percentOf(1n, 8n, 1)).toBe("12.5");
    expect(percentOf(1n, 8n, 0)).toBe("13");
    expect(percentOf(2n, 3n)).toBe("66.67");
  });

  it("handles negative parts and shares above 100%", () => {
    expect(percentOf(-1n, 4n)).toBe("-25.00");
    expect(percentOf(3n, 2n)).toBe("150.00");
  });

  it("is exact for uint256-sized values", () => {
    const max = 2n ** 256n - 1n;
    expect(percentOf(max, max)).toBe("100.00");
    expect(percentOf(max / 2n, max)).toBe("50.00");
  });

  it("error: rejects a zero whole", () => {
    expect(() => percentOf(1n, 0n)).toThrow(RangeError);
  });

  it("error: rejects negative or fractional fractionDigits", () => {
    expect(() => percentOf(1n, 2n, -1)).toThrow(RangeError);
    expect(() => percentOf(1n, 2n, 0.5)).toThrow(RangeError);
  });
});
