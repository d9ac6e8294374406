import { describe, expect, it } from "vitest";
import { formatAmount, formatCompact, parseAmount } from "../src/index.ts";
import { seededRandom } from "./helpers/seededRandom.ts";

const MAX_UINT256 = 2n ** 256n - 1n;
const RUNS = 2_000;
const SEED = 20251214;
const DECIMALS = [0, 6, 18] as const;

/** A random non-zero uint256, with magnitudes spread from 1 to 2^256 − 1. */
function randomAmount(random: ReturnType<typeof seededRandom>): bigint {
  const bits = BigInt(random.int(1, 256));
  let value = 0n;
  for (let i = 0n; i < bits; i += 32n) value = (value << 32n) | BigInt(random.int(0, 2 ** 32 - 1));
  value %= 2n ** bits;
  return value === 0n ? 1n : value;
}

/** A random human-typed amount for a token with `decimals`, and its canonical formatted form. */
function randomTyped(random: ReturnType<typeof seededRandom>, decimals: number) {
  const integer = random.next() < 0.2 ? "0" : `${random.int(1, 9)}${random.digits(random.int(0, 20))}`;
  const fraction = random.digits(random.int(0, decimals));
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ",");
  const canonicalFraction = fraction.replace(/0+$/, "");
  const canonical = canonicalFraction === "" ? grouped : `${grouped}.${canonicalFraction}`;

  let typed = `${random.pick([integer, grouped])}${fraction === "" ? "" : `.${fraction}`}`;
  if (random.next() < 0.3) typed = toFullWidth(typed);
  if (random.next() < 0.3) typed = ` ${typed}\t`;
  return { typed, canonical, isZero: /^[0.,\s]*$/.test(canonical) };
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9.,]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

describe("amount round trips", () => {
  it(`parseAmount(formatAmount(v)) === v for ${RUNS} random uint256 values (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    for (let run = 0; run < RUNS; run++) {
      const value = randomAmount(random);
      const decimals = random.pick([...DECIMALS, random.int(0, 80)]);
      const grouping = random.next() < 0.5;
      expect(parseAmount(formatAmount(value, decimals, { grouping }), decimals)).toBe(value);
    }
  });

  it(`formatAmount(parseAmount(s)) is the canonical form of ${RUNS} random typed strings (seed ${SEED})`, () => {
    const random = seededRandom(SEED + 1);
    for (let run = 0; run < RUNS; run++) {
      const decimals = random.pick(DECIMALS);
      const { typed, canonical, isZero } = randomTyped(random, decimals);
      if (isZero) {
        expect(() => parseAmount(typed, decimals), typed).toThrow("greater than zero");
        continue;
      }
      expect(formatAmount(parseAmount(typed, decimals), decimals), typed).toBe(canonical);
    }
  });

  it(`rounding to maxFractionDigits is off by at most half a unit, ties up (seed ${SEED})`, () => {
    const random = seededRandom(SEED + 2);
    for (let run = 0; run < RUNS; run++) {
      const value = randomAmount(random);
      const decimals = random.pick(DECIMALS);
      const digits = random.int(0, decimals);
      const text = formatAmount(value, decimals, { maxFractionDigits: digits, grouping: false });
      const shown = text === "0" ? 0n : parseAmount(text, decimals);
      const step = 10n ** BigInt(decimals - digits); // one unit of the last shown digit
      const error = value - shown; // positive: rounded down
      expect(error * 2n < step && error * 2n >= -step, `${value} → ${text}`).toBe(true);
    }
  });

  it(`formatCompact stays within rounding of the exact value (seed ${SEED})`, () => {
    const random = seededRandom(SEED + 3);
    const unitExponents: Record<string, number> = { "": 0, K: 3, M: 6, B: 9, T: 12, 万: 4, 亿: 8 };
    for (let run = 0; run < RUNS; run++) {
      const value = randomAmount(random) % 10n ** 40n || 1n;
      const locale = random.pick(["en", "zh"] as const);
      const text = formatCompact(value, 18, locale);
      if (text === "<0.01") {
        expect(value < 10n ** 16n / 2n).toBe(true);
        continue;
      }
      const [, number = "", suffix = ""] = /^([\d,.]+)(\D*)$/.exec(text) ?? [];
      const exponent = 18 + (unitExponents[suffix] ?? Number.NaN);
      const shown = parseAmount(number, exponent); // "161.08" at 18+6 decimals is 161.08M tokens
      const unit = 10n ** BigInt(exponent);
      const error = value - shown;
      expect(error * 200n <= unit && error * 200n >= -unit, `${value} → ${text}`).toBe(true);
    }
  });

  it("round-trips the extremes: 1 base unit and uint256 max at 18 and 6 decimals", () => {
    for (const decimals of [18, 6]) {
      for (const value of [1n, MAX_UINT256, MAX_UINT256 - 1n]) {
        expect(parseAmount(formatAmount(value, decimals), decimals)).toBe(value);
      }
    }
  });
});
