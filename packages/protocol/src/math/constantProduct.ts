/**
 * Constant-product (x·y=k) pool arithmetic with the protocol pools' 0.3% fee, in bigint, rounded
 * like `ConstantProductPool.sol`: what a swap gives, and what it costs to get a given amount.
 */
const FEE_BPS = 30n;
const BPS = 10_000n;

/** Output of swapping exactly `amountIn` into a pool with reserves (reserveIn, reserveOut). */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  const inWithFee = amountIn * (BPS - FEE_BPS);
  return (inWithFee * reserveOut) / (reserveIn * BPS + inWithFee);
}

/** Least input that yields at least `amountOut`; throws when the pool cannot give that much. */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountOut >= reserveOut) throw new RangeError("the pool does not hold that much");
  return (reserveIn * amountOut * BPS) / ((reserveOut - amountOut) * (BPS - FEE_BPS)) + 1n;
}
