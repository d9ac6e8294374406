/** One stall of the event loop: when it ended, and how long the loop was late. */
export type Stall = { at: number; ms: number };

/**
 * Records every time this process's event loop runs a 10 ms timer more than `thresholdMs` late.
 * The delivery worker, the bot and the stand-in share the loop: a stall holds back sends that have
 * already taken their rate-limit slot, and the stand-in then reads them closer together.
 */
export function startStallRecorder(thresholdMs: number) {
  const stalls: Stall[] = [];
  let expected = Date.now() + 10;
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - expected > thresholdMs) stalls.push({ at: now, ms: now - expected });
    expected = now + 10;
  }, 10);
  return {
    stalls,
    stop: () => clearInterval(timer),
  };
}
