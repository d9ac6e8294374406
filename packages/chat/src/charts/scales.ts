/** Maps a data interval onto a pixel interval (y grows downwards, so callers pass bottom → top). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 × 10^n, about `count` of them. Also
 * returns the covered domain, which starts and ends on a tick so the plot fills its frame.
 */
export function niceTicks(
  min: number,
  max: number,
  count = 5,
): { ticks: number[]; domain: [number, number] } {
  if (!(max > min)) {
    const base = Number.isFinite(min) ? min : 0;
    return niceTicks(base === 0 ? 0 : base * 0.9, base === 0 ? 1 : base * 1.1, count);
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((multiple) => multiple * power >= rough) ?? 10) * power;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { ticks, domain: [start, end] };
}

/** Up to `count` evenly spread indexes of an array of `length`, first and last included. */
export function spreadIndexes(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)));
}

/**
 * A base-unit amount as a float for plotting: pixel positions are approximate by nature, and the
 * exact figures are in the message next to the chart. Never used for anything shown as a number.
 */
export function plotNumber(raw: bigint, decimals: number): number {
  const keep = Math.min(decimals, 6);
  return Number(raw / 10n ** BigInt(decimals - keep)) / 10 ** keep;
}
