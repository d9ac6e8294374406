import { describe, expect, it } from "vitest";
import { AmountError, type AmountErrorCode, parseAmount } from "../src/index.ts";

const MAX_UINT256 = 2n ** 256n - 1n;

function errorOf(input: string, decimals: number): AmountError {
  try {
    parseAmount(input, decimals);
  } catch (error) {
    if (error instanceof AmountError) return error;
    throw error;
  }
  throw new Error(`parseAmount(${JSON.stringify(input)}, ${decimals}) did not throw`);
}

describe("parseAmount", () => {
  it("parses a whole number into base units", () => {
    expect(parseAmount("100", 18)).toBe(100n * 10n ** 18n);
    expect(parseAmount("100", 6)).toBe(100_000_000n);
  });

  it("parses a decimal fraction exactly", () => {
    expect(parseAmount("0.5", 18)).toBe(5n * 10n ** 17n);
    expect(parseAmount("0.000001", 6)).toBe(1n);
    expect(parseAmount("0.000000000000000001", 18)).toBe(1n);
  });

  it("accepts comma thousands separators like 1,000.25", () => {
    expect(parseAmount("1,000.25", 6)).toBe(1_000_250_000n);
    expect(parseAmount("210,000,000", 18)).toBe(210_000_000n * 10n ** 18n);
  });

  it("ignores surrounding whitespace, including the ideographic space", () => {
    expect(parseAmount(" 12 ", 6)).toBe(12_000_000n);
    expect(parseAmount("\t12\n", 6)).toBe(12_000_000n);
    expect(parseAmount("\u300012\u3000", 6)).toBe(12_000_000n);
  });

  it("accepts full-width digits and the full-width point from Chinese IMEs", () => {
    expect(parseAmount("１００", 6)).toBe(100_000_000n);
    expect(parseAmount("０．５", 6)).toBe(500_000n);
  });

  it("accepts the Chinese full-width comma as a thousands separator", () => {
    expect(parseAmount("１，０００．２５", 6)).toBe(1_000_250_000n);
    expect(parseAmount("1，000", 6)).toBe(1_000_000_000n);
  });

  it("accepts the ideographic full stop typed in Chinese punctuation mode as the decimal point", () => {
    expect(parseAmount("0。5", 6)).toBe(500_000n);
  });

  it("accepts a leading dot, a trailing dot, a leading plus and leading zeros", () => {
    expect(parseAmount(".5", 6)).toBe(500_000n);
    expect(parseAmount("5.", 6)).toBe(5_000_000n);
    expect(parseAmount("+5", 6)).toBe(5_000_000n);
    expect(parseAmount("007", 6)).toBe(7_000_000n);
  });

  it("accepts trailing zeros beyond the token's decimals because they lose nothing", () => {
    expect(parseAmount("1.50000000", 6)).toBe(1_500_000n);
    expect(parseAmount("3.000", 0)).toBe(3n);
  });

  it("parses uint256 max exactly at 18 and 6 decimals", () => {
    expect(
      parseAmount("115792089237316195423570985008687907853269984665640564039457.584007913129639935", 18),
    ).toBe(MAX_UINT256);
    expect(
      parseAmount(
        "115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457,584,007,913,129.639935",
        6,
      ),
    ).toBe(MAX_UINT256);
    expect(parseAmount(MAX_UINT256.toString(), 0)).toBe(MAX_UINT256);
  });

  const rejections: [string, number, AmountErrorCode][] = [
    ["", 18, "empty"],
    ["   ", 18, "empty"],
    ["\u3000", 18, "empty"],
    ["abc", 18, "not_a_number"],
    ["1.2.3", 18, "not_a_number"],
    ["0x10", 18, "not_a_number"],
    ["Infinity", 18, "not_a_number"],
    ["NaN", 18, "not_a_number"],
    [".", 18, "not_a_number"],
    ["1 000", 18, "not_a_number"],
    ["12abc", 18, "not_a_number"],
    ["--5", 18, "not_a_number"],
    ["-5", 18, "negative"],
    ["－5", 18, "negative"],
    ["−0.5", 18, "negative"],
    ["1e99", 18, "scientific"],
    ["1E5", 18, "scientific"],
    ["1.5e-3", 18, "scientific"],
    ["1.1234567", 6, "too_many_decimals"],
    ["0.0000001", 6, "too_many_decimals"],
    ["1.5", 0, "too_many_decimals"],
    ["0", 18, "zero"],
    ["0.000", 18, "zero"],
    ["-0", 18, "zero"],
    ["115792089237316195423570985008687907853269984665640564039457.584007913129639936", 18, "too_large"],
    [(MAX_UINT256 + 1n).toString(), 0, "too_large"],
    ["9".repeat(10_000), 18, "too_large"],
  ];

  it.each(rejections)("error: rejects %j with %i decimals as %s", (input, decimals, code) => {
    const error = errorOf(input, decimals);
    expect(error.code).toBe(code);
    expect(error.input).toBe(input);
    expect(error.decimals).toBe(decimals);
  });

  it("error: refuses a European decimal comma like 0,5 rather than reading 5", () => {
    expect(errorOf("0,5", 18).code).toBe("not_a_number");
    expect(errorOf("1,5", 18).code).toBe("not_a_number");
    expect(errorOf("1,0000", 18).code).toBe("not_a_number");
    expect(errorOf("1.000,5", 18).code).toBe("not_a_number");
  });

  it("error: explains each rejection in one readable English sentence", () => {
    expect(errorOf("", 18).message).toBe("Enter an amount.");
    expect(errorOf("abc", 18).message).toBe(
      '"abc" is not an amount. Use digits with a dot for decimals, like 1000.25 or 1,000.25.',
    );
    expect(errorOf("-5", 18).message).toBe("The amount must be positive.");
    expect(errorOf("1e99", 18).message).toBe(
      'Write the amount out in full digits: "1e99" uses scientific notation.',
    );
    expect(errorOf("1.1234567", 6).message).toBe("Too many decimal places: this token has at most 6, got 7.");
    expect(errorOf("0", 18).message).toBe("The amount must be greater than zero.");
    expect(errorOf("9".repeat(100), 18).message).toBe(
      "The amount is too large: it does not fit in a uint256.",
    );
  });

  it("error: cuts a long pasted input in its message", () => {
    const error = errorOf(`x${"y".repeat(1000)}`, 18);
    expect(error.message.length).toBeLessThan(150);
  });

  it("error: throws AmountError instances that are also Errors", () => {
    const error = errorOf("abc", 18);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AmountError");
  });

  it("error: treats invalid decimals as a bug (RangeError), not as bad input", () => {
    expect(() => parseAmount("1", -1)).toThrow(RangeError);
    expect(() => parseAmount("1", 1.5)).toThrow(RangeError);
    expect(() => parseAmount("1", 256)).toThrow(RangeError);
  });
});
