/**
 * Token decimals come from code or a contract, never from a user, so a bad value is a bug:
 * it throws a RangeError instead of an {@link AmountError}. ERC-20 `decimals()` is a uint8.
 */
export function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) {
    throw new RangeError(`decimals must be an integer from 0 to 255, got ${decimals}`);
  }
}
