import { describe, expect, it } from "vitest";
import { fromDecimal, Prisma, toDecimal } from "../src/index.ts";

const MAX_UINT256 = 2n ** 256n - 1n;

describe("toDecimal / fromDecimal", () => {
  it("round-trips every digit of the largest uint256", () => {
    const decimal = toDecimal(MAX_UINT256);
    expect(decimal.toFixed()).toBe(MAX_UINT256.toString());
    expect(fromDecimal(decimal)).toBe(MAX_UINT256);
  });

  it("round-trips zero and one wei", () => {
    expect(fromDecimal(toDecimal(0n))).toBe(0n);
    expect(fromDecimal(toDecimal(1n))).toBe(1n);
  });

  it("reads the string form of a column", () => {
    expect(fromDecimal("161076068906000000000000000")).toBe(161_076_068_906n * 10n ** 15n);
  });

  it("reads a Decimal that would print in exponent notation", () => {
    expect(fromDecimal(new Prisma.Decimal("1e30"))).toBe(10n ** 30n);
  });

  it("error: refuses a fractional amount instead of rounding it", () => {
    expect(() => fromDecimal(new Prisma.Decimal("1.5"))).toThrow(RangeError);
    expect(() => fromDecimal("12 LUMA")).toThrow(/Expected an integer amount/);
  });
});
