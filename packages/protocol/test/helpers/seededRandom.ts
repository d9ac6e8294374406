/**
 * A small deterministic PRNG (mulberry32) so property-style tests explore many inputs yet fail
 * the same way on every run. The seed is printed by the test names that use it.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max]. */
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** A string of `length` random decimal digits. */
  const digits = (length: number) => Array.from({ length }, () => String(int(0, 9))).join("");
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, digits, pick };
}
