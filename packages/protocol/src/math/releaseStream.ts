/**
 * TypeScript twin of `contracts/src/staking/ReleaseMath.sol`: rewards earned at a constant rate
 * over [lo, hi], each released linearly over `period` from the moment it was earned; releasing the
 * unvested part early costs `feeBps × remaining / period` of each reward. Exact bigint arithmetic
 * with the contract's rounding, so the gateway can project a position to any future time.
 */
export type ReleaseStream = {
  /** principal × dailyRateBps */
  rateNum: bigint;
  /** 10_000 × 86_400 */
  rateDen: bigint;
  lo: bigint;
  hi: bigint;
  period: bigint;
};

export type ReleaseStreamState = { earned: bigint; vested: bigint; locked: bigint; fee: bigint };

const BPS = 10_000n;

/** Evaluates the stream at time `t` (seconds, t ≥ hi) with early fee `feeBps`. */
export function evaluateReleaseStream(s: ReleaseStream, t: bigint, feeBps: bigint): ReleaseStreamState {
  if (s.hi <= s.lo) return { earned: 0n, vested: 0n, locked: 0n, fee: 0n };
  if (t < s.hi) throw new RangeError("evaluateReleaseStream: t must be at or after the stream's end");
  const p = s.period;
  let m = t > p + s.lo ? t - p : s.lo;
  if (m > s.hi) m = s.hi;
  const den = 2n * s.rateDen * p;
  const earned = (s.rateNum * 2n * p * (s.hi - s.lo)) / den;
  const vestedNum = 2n * p * (m - s.lo) + (t - m) ** 2n - (t - s.hi) ** 2n;
  const vested = (s.rateNum * vestedNum) / den;
  let fee = 0n;
  if (m < s.hi) {
    const a = s.hi + p - t;
    const b = m + p - t;
    fee = (feeBps * s.rateNum * (a ** 3n - b ** 3n)) / (BPS * 3n * s.rateDen * p * p);
  }
  const locked = earned - vested;
  if (fee > locked) fee = locked;
  return { earned, vested, locked, fee };
}
