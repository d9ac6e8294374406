/**
 * A seeded pseudo-random source (mulberry32), so a seeded devnet looks the same on every machine
 * and a failing seed can be replayed.
 */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (probability: number) => next() < probability,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    /**
     * A whole number of tokens between min and max, spread evenly on a log scale (many small
     * holders, a few whales), as base units with `decimals`.
     */
    tokens(minWhole: number, maxWhole: number, decimals = 18): bigint {
      const exponent = Math.log10(minWhole) + next() * (Math.log10(maxWhole) - Math.log10(minWhole));
      return BigInt(Math.round(10 ** exponent)) * 10n ** BigInt(decimals);
    },
  };
}

export type Random = ReturnType<typeof createRandom>;
