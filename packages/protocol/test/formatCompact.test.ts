import { describe, expect, it } from "vitest";
import { formatCompact } from "../src/index.ts";

const TOKEN = 10n ** 18n;
const SORA_BURNED = 161_076_068_906n * 10n ** 15n; // 161,076,068.906
const SORA_LEFT = 48_923_931_094n * 10n ** 15n; // 48,923,931.094

describe("formatCompact", () => {
  it("abbreviates the SORA burn in English: 161.08M", () => {
    expect(formatCompact(SORA_BURNED, 18, "en")).toBe("161.08M");
  });

  it("counts in 亿 (10^8) in Chinese: 1.61亿", () => {
    expect(formatCompact(SORA_BURNED, 18, "zh")).toBe("1.61亿");
  });

  it("counts in 万 (10^4) below 1亿: 4892.39万", () => {
    expect(formatCompact(SORA_LEFT, 18, "zh")).toBe("4892.39万");
  });

  it("uses K, M, B and T in English", () => {
    expect(formatCompact(1_500n * TOKEN, 18, "en")).toBe("1.5K");
    expect(formatCompact(48_923_931_094n * 10n ** 15n, 18, "en")).toBe("48.92M");
    expect(formatCompact(210n * 10n ** 9n * TOKEN, 18, "en")).toBe("210B");
    expect(formatCompact(3n * 10n ** 12n * TOKEN, 18, "en")).toBe("3T");
  });

  it("prints small amounts as they are, with at most two decimals", () => {
    expect(formatCompact(999n * TOKEN, 18, "en")).toBe("999");
    expect(formatCompact(12_345_678n, 6, "en")).toBe("12.35");
    expect(formatCompact(9_999n * TOKEN, 18, "zh")).toBe("9999");
  });

  it("moves to the next unit when rounding reaches it (999,999 → 1M, not 1000K)", () => {
    expect(formatCompact(999_999n * TOKEN, 18, "en")).toBe("1M");
    expect(formatCompact(999_994n * TOKEN, 18, "en")).toBe("999.99K");
    expect(formatCompact(99_999_999n * TOKEN, 18, "zh")).toBe("1亿");
    expect(formatCompact(999_999n * 10n ** 15n, 18, "en")).toBe("1K"); // 999.999
  });

  it("groups thousands above the largest English unit but not in Chinese", () => {
    expect(formatCompact(1_234_000n * 10n ** 12n * TOKEN, 18, "en")).toBe("1,234,000T");
    expect(formatCompact(123_456n * 10n ** 8n * TOKEN, 18, "zh")).toBe("123456亿");
  });

  it("formats negative values and zero", () => {
    expect(formatCompact(-SORA_BURNED, 18, "en")).toBe("-161.08M");
    expect(formatCompact(-SORA_LEFT, 18, "zh")).toBe("-4892.39万");
    expect(formatCompact(0n, 18, "en")).toBe("0");
  });

  it("shows a non-zero amount too small for two decimals as <0.01, never 0", () => {
    expect(formatCompact(25n * 10n ** 13n, 18, "en")).toBe("<0.01"); // $0.00025
    expect(formatCompact(-1n, 18, "zh")).toBe(">-0.01");
  });

  it("works at uint256 max", () => {
    expect(formatCompact(2n ** 256n - 1n, 18, "zh")).toBe(
      "1157920892373161954235709850086879078532699846656405.64亿",
    );
  });
});
