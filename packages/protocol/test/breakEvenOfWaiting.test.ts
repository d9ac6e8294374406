import { describe, expect, it } from "vitest";
import { breakEvenOfWaiting, evaluateReleaseStream, type ReleaseStream } from "../src/index.ts";
import { seededRandom } from "./helpers/seededRandom.ts";

const DAY = 86_400n;
const HOUR = 3_600n;
const BPS = 10_000n;
const PERIOD = 30n * DAY;
const T0 = 1_700_000_000n;

/** 1,000 LUMA of principal at 0.5%/day, earning from `lo` to `hi`. */
const stream = (lo: bigint, hi: bigint, period = PERIOD): ReleaseStream => ({
  rateNum: 1_000n * 10n ** 18n * 50n,
  rateDen: BPS * DAY,
  lo,
  hi,
  period,
});

/**
 * An independent model: the rewards as hourly tranches (each earned at its hour's midpoint), each
 * released linearly over the period, the fee charged tranche by tranche; everything scaled by
 * BPS × period² so it stays in integers. Returns the first second at which the tranches have
 * released, since `now`, at least what an early release pays at `now`.
 */
function hourlyTrancheBreakEven(s: ReleaseStream, now: bigint, feeBps: bigint): bigint {
  const p = s.period;
  const tranches: bigint[] = [];
  for (let start = s.lo; start < s.hi; start += HOUR) tranches.push(start + HOUR / 2n);
  const releasedBy = (t: bigint, earnedAt: bigint) => {
    const age = t - earnedAt;
    if (age <= 0n) return 0n;
    // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min would take them through a number)
    return age < p ? age : p;
  };
  let payout = 0n;
  for (const at of tranches) {
    const remaining = p - releasedBy(now, at);
    payout += HOUR * remaining * BPS * p - feeBps * HOUR * remaining * remaining;
  }
  const releasedSinceNow = (t: bigint) =>
    tranches.reduce((sum, at) => sum + HOUR * BPS * p * (releasedBy(t, at) - releasedBy(now, at)), 0n);
  let [low, high] = [now, s.hi + p + HOUR];
  while (low < high) {
    const mid = (low + high) / 2n;
    if (releasedSinceNow(mid) >= payout) high = mid;
    else low = mid + 1n;
  }
  return low;
}

const seconds = (a: bigint, b: bigint) => Number(a > b ? a - b : b - a);

describe("breakEvenOfWaiting", () => {
  it("finds the first second at which waiting has released what an early release pays now", () => {
    const s = stream(T0, T0 + 10n * DAY);
    const now = s.hi;
    const result = breakEvenOfWaiting(s, now, 5_000n);
    if (!result) throw new Error("expected a break-even");
    const today = evaluateReleaseStream(s, now, 5_000n);
    expect(result.lockedNow).toBe(today.locked);
    expect(result.feeNow).toBe(today.fee);
    expect(result.payoutNow).toBe(today.locked - today.fee);
    const releasedSince = (t: bigint) => evaluateReleaseStream(s, t, 5_000n).vested - today.vested;
    expect(releasedSince(result.at)).toBeGreaterThanOrEqual(result.payoutNow);
    expect(releasedSince(result.at - 1n)).toBeLessThan(result.payoutNow);
  });

  it("agrees with hourly tranches for young, capped and partly released positions (seed 6)", () => {
    const random = seededRandom(6);
    for (let i = 0; i < 40; i++) {
      const period = BigInt(random.int(1, 60)) * DAY;
      const lo = T0 + BigInt(random.int(0, 100)) * HOUR;
      const hi = lo + BigInt(random.int(24, 24 * 90)) * HOUR;
      const now = hi + BigInt(random.int(0, Number(period / HOUR) - 1)) * HOUR;
      const feeBps = BigInt(random.int(0, 9_000));
      const s = stream(lo, hi, period);
      const result = breakEvenOfWaiting(s, now, feeBps);
      if (!result) throw new Error(`case ${i}: expected a break-even`);
      expect(seconds(result.at, hourlyTrancheBreakEven(s, now, feeBps)), `case ${i}`).toBeLessThanOrEqual(
        2 * 3_600,
      );
    }
  });

  it("matches the closed form of a long-running position: period × (1 − √(2·fee/3)), 12.7 days at 50%", () => {
    // Earning for 100 days: today's locked rewards are spread evenly over the last 30 days.
    const s = stream(T0, T0 + 100n * DAY);
    for (const feeBps of [5_000n, 2_500n, 9_000n]) {
      const result = breakEvenOfWaiting(s, s.hi, feeBps);
      const fee = Number(feeBps) / 10_000;
      const expected = Number(PERIOD) * (1 - Math.sqrt((2 * fee) / 3));
      expect(Math.abs(Number((result?.at ?? 0n) - s.hi) - expected)).toBeLessThan(2);
    }
    expect(Number((breakEvenOfWaiting(s, s.hi, 5_000n)?.at ?? 0n) - s.hi) / 86_400).toBeCloseTo(12.68, 2);
  });

  it("with no fee, waiting only catches up when everything earned has released", () => {
    const s = stream(T0, T0 + 10n * DAY);
    expect(breakEvenOfWaiting(s, s.hi + DAY, 0n)?.at).toBe(s.hi + PERIOD);
  });

  it("is now when the fee would take everything locked", () => {
    const s = stream(T0, T0 + 10n * DAY);
    const result = breakEvenOfWaiting(s, s.hi, 30_000n);
    expect(result?.payoutNow).toBe(0n);
    expect(result?.at).toBe(s.hi);
  });

  it("is undefined when nothing is locked: nothing earned, or everything released", () => {
    expect(breakEvenOfWaiting(stream(T0, T0), T0 + DAY, 5_000n)).toBeUndefined();
    const s = stream(T0, T0 + 10n * DAY);
    expect(breakEvenOfWaiting(s, s.hi + PERIOD, 5_000n)).toBeUndefined();
    expect(breakEvenOfWaiting(s, s.hi + PERIOD - 1n, 5_000n)).toBeDefined();
  });
});
