/**
 * Integer division of two non-negative bigints, rounding a remainder of exactly one half up.
 * Callers apply the sign themselves, which makes their rounding symmetric around zero.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}
