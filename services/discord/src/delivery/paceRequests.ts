import type { RESTOptions } from "discord.js";

type MakeRequest = RESTOptions["makeRequest"];

/**
 * Wraps a REST's `makeRequest` so that at most `limit` requests leave in any `windowMs`, in the
 * order they came: a request over it waits until the oldest in the window is `windowMs` old.
 *
 * The delivery worker's rate gate counts a send when it takes its slot, and Discord counts it when
 * it arrives. In between the send shares this process's event loop with everything else the bot
 * does: a loop busy for a while (rendering a command's chart) holds back sends that took their
 * slots on time, and they leave together with the ones whose slots came due meanwhile; one more
 * than Discord's second allows is a 429. Counted again here, as late as the process can, they leave
 * spaced as the gate meant them to.
 */
export function paceRequests(makeRequest: MakeRequest, limit: number, windowMs: number): MakeRequest {
  const left: number[] = [];
  let turn: Promise<void> = Promise.resolve();

  async function waitForRoom() {
    for (;;) {
      const now = Date.now();
      while (left.length > 0 && (left[0] ?? 0) <= now - windowMs) left.shift();
      if (left.length < limit) {
        left.push(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, (left[0] ?? now) + windowMs - now + 1));
    }
  }

  return async (url, init) => {
    const mine = turn.then(waitForRoom);
    turn = mine;
    await mine;
    return makeRequest(url, init);
  };
}
