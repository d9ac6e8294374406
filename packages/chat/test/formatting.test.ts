import { describe, expect, it } from "vitest";
import { formatDecimal, multiplyDecimals, parseDecimal } from "../src/i18n/format/decimal.ts";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatShortDate,
} from "../src/i18n/format/formatDates.ts";
import {
  formatInteger,
  formatMultiple,
  formatPercent,
  formatPrice,
  formatUsd,
} from "../src/i18n/format/formatNumbers.ts";
import { formatTokenAmount } from "../src/i18n/format/formatTokenAmount.ts";

const sora = (raw: bigint) => ({ raw, decimals: 18, symbol: "SORA" });
const E18 = 10n ** 18n;

describe("formatTokenAmount", () => {
  it("writes amounts exactly from base units, beyond what a float holds", () => {
    expect(formatTokenAmount(sora(161_076_068_906n * 10n ** 15n), "en")).toBe("161,076,068.906 SORA");
    expect(formatTokenAmount(sora(123_456_789_012_345_678_901_234_567n), "en")).toBe("123,456,789.0123 SORA");
  });

  it("shrinks large amounts per language: millions in English, 万/亿 in Chinese", () => {
    expect(formatTokenAmount(sora(161_076_068_906n * 10n ** 15n), "en", "compact")).toBe("161.08M SORA");
    expect(formatTokenAmount(sora(161_076_068_906n * 10n ** 15n), "zh", "compact")).toBe("1.61亿 SORA");
    expect(formatTokenAmount(sora(48_923_931n * E18), "zh", "compact")).toBe("4892.39万 SORA");
  });

  it("never rounds a non-zero amount to a misleading 0", () => {
    expect(formatTokenAmount(sora(1n), "en")).toBe("<0.0001 SORA");
    expect(formatTokenAmount(sora(0n), "en")).toBe("0 SORA");
    expect(formatTokenAmount({ raw: 1n, decimals: 6, symbol: "USDT" }, "zh")).toBe("<0.0001 USDT");
  });
});

describe("decimal strings from the gateway", () => {
  it("keeps small prices readable with significant digits", () => {
    expect(formatUsd("0.0300000000")).toBe("$0.03");
    expect(formatUsd("0.0002500000")).toBe("$0.00025");
    expect(formatUsd("0.5")).toBe("$0.50");
    expect(formatUsd("0")).toBe("$0.00");
    expect(formatUsd("1234.5")).toBe("$1,234.50");
    expect(formatPrice("0.0012345678", "LUMA")).toBe("0.001235 LUMA");
  });

  it("writes percents with two decimals and multiples per language", () => {
    expect(formatPercent("76.7")).toBe("76.70%");
    expect(formatPercent("-3.14159")).toBe("-3.14%");
    expect(formatMultiple("120.00", "en")).toBe("120×");
    expect(formatMultiple("120.50", "zh")).toBe("120.5 倍");
  });

  it("multiplies prices exactly", () => {
    const popUsd = multiplyDecimals(parseDecimal("2.5"), parseDecimal("0.0300000001"));
    expect(formatDecimal(popUsd, { maxFractionDigits: 10 })).toBe("0.0750000003");
    expect(() => parseDecimal("1e5")).toThrow(RangeError);
  });

  it("groups block numbers", () => {
    expect(formatInteger(12_345_678n)).toBe("12,345,678");
  });
});

describe("dates", () => {
  const at = new Date("2026-11-21T06:05:09Z");

  it("are written in UTC with the zone, per language", () => {
    expect(formatDateTime(at, "en")).toBe("21 Nov 2026, 06:05 UTC");
    expect(formatDateTime(at, "zh")).toBe("2026年11月21日 06:05 UTC");
    expect(formatDate(at, "zh")).toBe("2026年11月21日");
    expect(formatShortDate(at, "en")).toBe("21 Nov");
  });

  it("write durations in their two largest units", () => {
    expect(formatDuration(14 * 60_000 + 59_000, "en")).toBe("14 min 59 s");
    expect(formatDuration(2 * 86_400_000 + 5 * 3_600_000 + 7 * 60_000, "en")).toBe("2 d 5 h");
    expect(formatDuration(15 * 60_000, "zh")).toBe("15 分钟");
    expect(formatDuration(3 * 3_600_000 + 60_000, "zh")).toBe("3 小时 1 分钟");
    expect(formatDuration(-5, "en")).toBe("0 s");
  });
});
