import { expect } from "vitest";

/** One SORA burn and the running total after it. */
export type BurnTotal = { txHash: string; logIndex: number; amount: bigint; totalBurned: bigint };

/**
 * `burns` (oldest first) holds every burn once, each running total the previous one plus its
 * amount, and the last one is `chainTotal`. `from` is the total before the first burn: by default
 * whatever the first burn's own total says.
 */
export function expectConsecutiveBurns(
  burns: BurnTotal[],
  chainTotal: bigint,
  from = (burns[0]?.totalBurned ?? 0n) - (burns[0]?.amount ?? 0n),
): void {
  expect(new Set(burns.map((burn) => `${burn.txHash}:${burn.logIndex}`)).size).toBe(burns.length);
  let total = from;
  for (const burn of burns) {
    total += burn.amount;
    expect(burn.totalBurned).toBe(total);
  }
  expect(total).toBe(chainTotal);
}
