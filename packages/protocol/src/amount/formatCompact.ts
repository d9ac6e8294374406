import { assertDecimals } from "./assertDecimals.ts";
import { divideRoundHalfUp } from "./divideRoundHalfUp.ts";
import { formatAmount } from "./formatAmount.ts";

/** Languages {@link formatCompact} knows the large-number units of. */
export type CompactLocale = "en" | "zh";

/** A unit and the power of ten it stands for, largest first. */
type Unit = readonly [suffix: string, exponent: number];

// Chinese counts in myriads: 万 = 10^4, 亿 = 10^8, so 48,923,931 reads "4892.39万", not "48.92M".
const UNITS: Readonly<Record<CompactLocale, readonly Unit[]>> = {
  en: [
    ["T", 12],
    ["B", 9],
    ["M", 6],
    ["K", 3],
  ],
  zh: [
    ["亿", 8],
    ["万", 4],
  ],
};

const FRACTION_DIGITS = 2;
const HUNDREDTHS = 10n ** BigInt(FRACTION_DIGITS);

/**
 * Formats an amount briefly for chat messages: "161.08M" in English, "1.61亿" or "4892.39万" in
 * Chinese. At most two fraction digits, rounded half away from zero, trailing zeros trimmed;
 * a value that rounds up to the next unit moves to it (999,999 → "1M", not "1000K").
 * A non-zero amount too small to show becomes "<0.01" (or ">-0.01"), never a misleading "0".
 *
 * @param value - amount in base units, may be negative
 * @param decimals - the token's ERC-20 decimals
 * @param locale - "en" groups thousands with commas above the largest unit; "zh" does not
 */
export function formatCompact(value: bigint, decimals: number, locale: CompactLocale): string {
  assertDecimals(decimals);
  const magnitude = value < 0n ? -value : value;
  const one = 10n ** BigInt(decimals);
  const units = UNITS[locale];

  // Index into `units` of the unit to use; units.length means "no unit".
  let index = units.findIndex(([, exponent]) => magnitude >= one * 10n ** BigInt(exponent));
  if (index === -1) index = units.length;
  const larger = units[index - 1];
  if (larger !== undefined) {
    const exponent = units[index]?.[1] ?? 0;
    const rounded = divideRoundHalfUp(magnitude * HUNDREDTHS, one * 10n ** BigInt(exponent));
    if (rounded >= HUNDREDTHS * 10n ** BigInt(larger[1] - exponent)) index -= 1;
  }

  const [suffix, exponent] = units[index] ?? ["", 0];
  const text = formatAmount(value, decimals + exponent, {
    maxFractionDigits: FRACTION_DIGITS,
    grouping: locale === "en",
  });
  if (text === "0" && value !== 0n) return value > 0n ? "<0.01" : ">-0.01";
  return `${text}${suffix}`;
}
