/**
 * Rebase staking index (1e18 = 1.0): after n epochs at `rateBps` per epoch it is
 * 1e18 × (1 + rateBps/10_000)^n. This is the exact rational value, floored; the contract computes
 * the same closed form in ray precision and must stay within 1 wei of it.
 */
export const INDEX_ONE = 10n ** 18n;

export function rebaseIndexAfter(epochs: bigint, rateBps: bigint, baseIndex: bigint = INDEX_ONE): bigint {
  if (epochs < 0n) throw new RangeError("epochs must not be negative");
  return (baseIndex * (10_000n + rateBps) ** epochs) / 10_000n ** epochs;
}
