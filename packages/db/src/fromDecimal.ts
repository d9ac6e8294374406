import type { Prisma } from "./generated/prisma/client.ts";

/**
 * A `Decimal(78, 0)` column value (Prisma's Decimal, or its string form) as an exact bigint.
 * Throws on a fractional or non-numeric value rather than rounding: amounts are integers in wei.
 */
export function fromDecimal(value: Prisma.Decimal | string): bigint {
  // toFixed() never uses exponent notation, unlike toString() for values of 1e21 and more.
  const text = typeof value === "string" ? value.trim() : value.toFixed();
  if (!/^-?\d+$/.test(text)) {
    throw new RangeError(`Expected an integer amount, got "${text}".`);
  }
  return BigInt(text);
}
