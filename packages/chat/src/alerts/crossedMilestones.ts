/**
 * The burned shares (in whole percent) that mark a milestone: every 10%, and every point from 70%,
 * as the gateway's `sora.milestones` counts them.
 */
export const defaultMilestonePercents: readonly number[] = [
  10,
  20,
  30,
  40,
  50,
  60,
  ...Array.from({ length: 30 }, (_, i) => 70 + i),
];

/**
 * The milestones a burn crossed: each step `p` with `before < p% of supply ≤ after`, lowest first.
 * Exact in base units (no floats), so 76.7% is not 77%.
 */
export function crossedMilestones(
  before: bigint,
  after: bigint,
  maxSupply: bigint,
  percents: readonly number[] = defaultMilestonePercents,
): number[] {
  return percents
    .filter((percent) => {
      const threshold = BigInt(percent) * maxSupply; // compared with burned × 100
      return before * 100n < threshold && threshold <= after * 100n;
    })
    .sort((a, b) => a - b);
}
