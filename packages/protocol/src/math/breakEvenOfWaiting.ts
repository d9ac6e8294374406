import { evaluateReleaseStream, type ReleaseStream } from "./releaseStream.ts";

/** What releasing early pays now, and from when waiting has paid at least as much of the same LUMA. */
export type BreakEvenOfWaiting = {
  /** LUMA still releasing at `now` (the rewards earned so far that have not vested). */
  lockedNow: bigint;
  /** The early-release fee on `lockedNow` at `now`. */
  feeNow: bigint;
  /** What an early release pays for `lockedNow` at `now`: lockedNow − feeNow. */
  payoutNow: bigint;
  /**
   * The first second (unix time) at which waiting has released, for free, at least `payoutNow` of
   * `lockedNow`; `now` itself when the fee takes everything (payoutNow = 0).
   */
  at: bigint;
};

/**
 * The break-even date of waiting for a stream of rewards: releasing early at `now` pays
 * `locked − fee` at once, while waiting releases the same `locked` LUMA for free, each reward
 * linearly over `period` from when it was earned. The answer is the first second at which the
 * free release since `now` reaches what the early release pays; after it, waiting is strictly
 * better. Rewards earned after `now` are left out on purpose: an early release moves the stream's
 * start to `now`, so they stream the same way whichever the member chooses.
 *
 * Exact: a bisection over whole seconds on {@link evaluateReleaseStream} (the contract's own
 * rounding), about 22 steps for a 30-day period. The answer is never later than `hi + period`,
 * when everything earned so far has released: that is the answer when the fee is 0, since waiting
 * then only catches up with an early release at the very end.
 *
 * @param stream - the rewards earned so far and still streaming: lo = the position's vestFrom,
 *   hi = min(now, capTime)
 * @param now - unix seconds, at or after `stream.hi`
 * @param feeBps - the position's earlyFeeBps
 * @returns undefined when nothing is locked at `now`
 */
export function breakEvenOfWaiting(
  stream: ReleaseStream,
  now: bigint,
  feeBps: bigint,
): BreakEvenOfWaiting | undefined {
  const today = evaluateReleaseStream(stream, now, feeBps);
  if (today.locked === 0n) return undefined;
  const payoutNow = today.locked - today.fee;
  // Waiting has caught up at t once vested(t) − vested(now) ≥ payoutNow.
  const target = today.vested + payoutNow;
  const caughtUp = (t: bigint) => evaluateReleaseStream(stream, t, feeBps).vested >= target;
  let low = now;
  let high = stream.hi + stream.period; // everything vested: vested = earned ≥ target
  while (low < high) {
    const mid = (low + high) / 2n;
    if (caughtUp(mid)) high = mid;
    else low = mid + 1n;
  }
  return { lockedNow: today.locked, feeNow: today.fee, payoutNow, at: low };
}
