import { divideRoundHalfUp } from "./divideRoundHalfUp.ts";
import { formatAmount } from "./formatAmount.ts";

/**
 * `part` as a percentage of `whole`, exactly, with a fixed number of fraction digits (rounded
 * half away from zero, no grouping). Both are in the same base units, so no decimals are needed.
 *
 * @example percentOf(161076068906n * 10n ** 15n, 210000000n * 10n ** 18n) // "76.70"
 * @throws {RangeError} when `whole` is zero or `fractionDigits` is not an integer from 0 to 255
 */
export function percentOf(part: bigint, whole: bigint, fractionDigits = 2): string {
  if (whole === 0n) throw new RangeError("percentOf: whole must not be zero");
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 255) {
    throw new RangeError(`percentOf: fractionDigits must be an integer from 0 to 255, got ${fractionDigits}`);
  }
  const abs = (x: bigint) => (x < 0n ? -x : x);
  // In units of 10^-fractionDigits percent, so formatAmount can place the point.
  const magnitude = divideRoundHalfUp(abs(part) * 100n * 10n ** BigInt(fractionDigits), abs(whole));
  const signed = part < 0n !== whole < 0n ? -magnitude : magnitude;
  return formatAmount(signed, fractionDigits, { grouping: false, trimZeros: false });
}
