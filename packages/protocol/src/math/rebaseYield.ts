/**
 * Rebase staking yields as the community quotes them, each stated with its basis so nobody argues
 * APR vs APY. Rates are percentages as decimal strings with two digits. Exact bigint arithmetic
 * where the inputs are exact (parameters); realised and net figures annualize a measured growth
 * with a fractional exponent, which only a float can do — they are rates, never token amounts.
 */
const YEAR = 365n * 86_400n;
const ONE = 10n ** 18n;

/** Epochs in a 365-day year (whole epochs). */
export const epochsPerYear = (epochLength: bigint): bigint => YEAR / epochLength;

/** Simple annual rate: rate per epoch × epochs per year. 5 bps per 8 h → "54.75". */
export function rebaseAprPercent(rateBps: bigint, epochLength: bigint): string {
  const hundredths = rateBps * epochsPerYear(epochLength); // bps × n = percent × 100
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

/** (1 + rate)^n in 18-decimal fixed point, by squaring. */
function compound(rateBps: bigint, epochs: bigint): bigint {
  let base = ONE + (rateBps * ONE) / 10_000n;
  let result = ONE;
  for (let n = epochs; n > 0n; n /= 2n) {
    if (n % 2n === 1n) result = (result * base) / ONE;
    base = (base * base) / ONE;
  }
  return result;
}

/** Compounded annual yield: (1 + rate)^(epochs per year) − 1. 5 bps per 8 h → "72.87". */
export function rebaseApyPercent(rateBps: bigint, epochLength: bigint): string {
  const growth = compound(rateBps, epochsPerYear(epochLength)) - ONE;
  const hundredths = (growth * 10_000n + ONE / 2n) / ONE;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

/** Annualizes a growth factor measured over `seconds`: factor^(year/seconds) − 1, in percent. */
export function annualizedPercent(factor: number, seconds: number): string {
  return ((factor ** ((365 * 86_400) / seconds) - 1) * 100).toFixed(2);
}

/**
 * What a holder keeps per year when they unstake after `holdingSeconds`: the index growth over
 * the epochs in that period, less the claim fee once, annualized. Short holds go negative: the
 * fee makes frequent claiming irrational by design.
 */
export function netApyPercent(
  rateBps: bigint,
  epochLength: bigint,
  claimFeeBps: bigint,
  holdingSeconds: bigint,
): string {
  const growth = compound(rateBps, holdingSeconds / epochLength);
  const kept = (growth * (10_000n - claimFeeBps)) / 10_000n;
  // The ratio of two 18-decimal fixed-point numbers: a factor near 1, fine as a float.
  return annualizedPercent(Number(kept) / Number(ONE), Number(holdingSeconds));
}
