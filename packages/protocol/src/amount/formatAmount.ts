import { assertDecimals } from "./assertDecimals.ts";
import { divideRoundHalfUp } from "./divideRoundHalfUp.ts";
import { groupThousands } from "./groupThousands.ts";

/** How {@link formatAmount} lays out a number. */
export interface FormatAmountOptions {
  /** Round (half-up, away from zero) to at most this many fraction digits. Default: all `decimals`. */
  maxFractionDigits?: number;
  /** Separate thousands with commas ("1,234.5"). Default: true. */
  grouping?: boolean;
  /** Drop trailing fraction zeros ("1.5" rather than "1.50"). Default: true. */
  trimZeros?: boolean;
}

/**
 * Formats base units as a decimal string, exactly: no float is involved at any step.
 *
 * Rounds half away from zero at `maxFractionDigits` (so −1.005 → "-1.01" at 2 digits, mirroring
 * 1.005 → "1.01") and never prints "-0".
 *
 * @param value - amount in base units; may be negative (e.g. a balance change)
 * @param decimals - the token's ERC-20 decimals
 * @example formatAmount(1234567890000000000000n, 18, { maxFractionDigits: 2 }) // "1,234.57"
 */
export function formatAmount(value: bigint, decimals: number, options: FormatAmountOptions = {}): string {
  assertDecimals(decimals);
  const { maxFractionDigits = decimals, grouping = true, trimZeros = true } = options;
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0) {
    throw new RangeError(`maxFractionDigits must be a non-negative integer, got ${maxFractionDigits}`);
  }

  const magnitude = value < 0n ? -value : value;
  // Scale to exactly `maxFractionDigits` digits: pad when it exceeds decimals, round otherwise.
  const scaled =
    maxFractionDigits >= decimals
      ? magnitude * 10n ** BigInt(maxFractionDigits - decimals)
      : divideRoundHalfUp(magnitude, 10n ** BigInt(decimals - maxFractionDigits));

  const digits = scaled.toString().padStart(maxFractionDigits + 1, "0");
  const integerDigits = digits.slice(0, digits.length - maxFractionDigits);
  let fraction = digits.slice(digits.length - maxFractionDigits);
  if (trimZeros) fraction = fraction.replace(/0+$/, "");

  const sign = value < 0n && scaled !== 0n ? "-" : "";
  const integer = grouping ? groupThousands(integerDigits) : integerDigits;
  return fraction === "" ? `${sign}${integer}` : `${sign}${integer}.${fraction}`;
}
