/** The rebase index at a moment (18-decimal fixed point: 1e18 = 1.0), e.g. from `rebased` events. */
export type RebasePoint = { time: Date; index: bigint };

const YEAR_SECONDS = 365 * 86_400;
const INDEX_ONE = 10n ** 18n;
/** Precision kept when a ratio of two indexes becomes a float. */
const RATIO_SCALE = 10n ** 12n;

/**
 * The realised APY at each point, measured over the `windowDays` before it: the index's growth since
 * the last point at or before the window's start, annualized (compounded). Points without a full
 * window behind them are left out. Floats are fine here: these are ratios for a chart, not amounts.
 */
export function realisedApySeries(
  points: readonly RebasePoint[],
  windowDays = 7,
): { time: Date; percent: number }[] {
  const sorted = [...points].sort((a, b) => a.time.getTime() - b.time.getTime());
  const windowMs = windowDays * 86_400_000;
  const series: { time: Date; percent: number }[] = [];
  let start = 0;
  for (const point of sorted) {
    const from = point.time.getTime() - windowMs;
    while (
      start + 1 < sorted.length &&
      (sorted[start + 1]?.time.getTime() ?? Number.POSITIVE_INFINITY) <= from
    )
      start += 1;
    const base = sorted[start];
    if (!base || base.time.getTime() > from || base.index <= 0n) continue;
    const seconds = (point.time.getTime() - base.time.getTime()) / 1000;
    const factor = Number((point.index * RATIO_SCALE) / base.index) / Number(RATIO_SCALE);
    series.push({ time: point.time, percent: (factor ** (YEAR_SECONDS / seconds) - 1) * 100 });
  }
  return series;
}

/** An index as a float for plotting (1.0 at the start). */
export const indexAsNumber = (index: bigint): number =>
  Number((index * RATIO_SCALE) / INDEX_ONE) / Number(RATIO_SCALE);
