import type { BurnEvent } from "../gateway/operations/soraBurnedEvent.ts";

/** What a digest says about a burst of burns. */
export type BurnDigest = {
  count: number;
  /** SORA base units burned in the burst. */
  total: bigint;
  sells: { count: number; total: bigint };
  buybacks: { count: number; total: bigint };
  largest: BurnEvent;
  first: Date;
  last: Date;
  /** The burst's latest burn (the highest running total): its block says how fresh the digest is. */
  latest: BurnEvent;
  /** The running total after the burst's latest burn. */
  totalBurned: bigint;
};

/**
 * Folds a burst (a digest window, or what quiet hours held) into one summary; duplicates by `id`
 * (a resend, a reorg replay) count once. Undefined for no burns.
 */
export function summarizeBurns(burns: readonly BurnEvent[]): BurnDigest | undefined {
  const unique = [...new Map(burns.map((burn) => [burn.id, burn])).values()];
  const head = unique[0];
  if (!head) return undefined;
  const digest: BurnDigest = {
    count: 0,
    total: 0n,
    sells: { count: 0, total: 0n },
    buybacks: { count: 0, total: 0n },
    largest: head,
    first: head.time,
    last: head.time,
    latest: head,
    totalBurned: head.totalBurned,
  };
  for (const burn of unique) {
    digest.count += 1;
    digest.total += burn.amount;
    const side = burn.reason === "SELL" ? digest.sells : digest.buybacks;
    side.count += 1;
    side.total += burn.amount;
    if (burn.amount > digest.largest.amount) digest.largest = burn;
    if (burn.time < digest.first) digest.first = burn.time;
    if (burn.time >= digest.last) digest.last = burn.time;
    // The running total only grows: the largest is the latest burn's.
    if (burn.totalBurned > digest.latest.totalBurned) digest.latest = burn;
  }
  digest.totalBurned = digest.latest.totalBurned;
  return digest;
}
