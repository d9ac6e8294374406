import { formatAmount } from "@luma-pulse/protocol";

/** A decimal string as an exact integer and the power of ten it is scaled by. */
export type ScaledDecimal = { value: bigint; scale: number };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "0.0300000000" → { value: 300000000n, scale: 10 }: the gateway's decimals, without floats. */
export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
  const [, sign = "", integer = "0", fraction = ""] = match;
  const value = BigInt(`${integer}${fraction}`);
  return { value: sign === "-" ? -value : value, scale: fraction.length };
}

/** The exact product of two decimals. */
export function multiplyDecimals(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  return { value: a.value * b.value, scale: a.scale + b.scale };
}

/**
 * Formats a decimal with grouping and at most `maxFractionDigits` (rounded half away from zero).
 * `significant`: for values below 1, keep this many significant digits instead, so $0.00025 stays
 * "0.00025" rather than "0".
 */
export function formatDecimal(
  decimal: ScaledDecimal | string,
  options: { maxFractionDigits: number; significant?: number; trimZeros?: boolean },
): string {
  const { value, scale } = typeof decimal === "string" ? parseDecimal(decimal) : decimal;
  let digits = options.maxFractionDigits;
  const magnitude = value < 0n ? -value : value;
  if (options.significant !== undefined && magnitude !== 0n && magnitude < 10n ** BigInt(scale)) {
    // Leading zeros after the point, then the significant digits wanted.
    const leadingZeros = scale - magnitude.toString().length;
    digits = Math.max(digits, Math.min(scale, leadingZeros + options.significant));
  }
  return formatAmount(value, scale, { maxFractionDigits: digits, trimZeros: options.trimZeros ?? true });
}
