import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { DeliveryPlatform } from "./AlertSender.ts";
import type { RateLimit } from "./RateLimitPolicy.ts";
import { sleep } from "./sleep.ts";

/**
 * The prefix of a platform's limits in Redis: every worker and bot of it shares them. `redisPrefix`
 * (REDIS_PREFIX, default `luma-pulse:`) sets several deployments, or test runs, apart on one Redis.
 */
export const defaultRateLimitPrefix = (platform: DeliveryPlatform, redisPrefix = "luma-pulse:") =>
  `${redisPrefix}rl:${platform}`;

/** Slots taken for one send. */
export type RateSlots = {
  /** Gives the slots back unused (the send did not happen): they count for nothing. */
  release(): Promise<void>;
  /** The platform answered the send: it counted it before now, so each slot stays taken one window from now. */
  answered(): Promise<void>;
};

/** Waits until every limit of a send has room, then takes it. */
export type RateGate = {
  /** Resolves once a send may go out now; rejects with the signal's reason when aborted. */
  acquire(limits: readonly RateLimit[], signal?: AbortSignal): Promise<RateSlots>;
};

type TakenSlot = { slot: string; durationMs: number };

/**
 * Sends reach the platform a little after they take their slot, some later than others (event-loop
 * stalls, new connections): a slot freed one window after it was taken let 31 sends into one of
 * Telegram's seconds (docs/benchmarks.md). So a slot is held while its send is in flight (up to this
 * many windows), and `answered()` then holds it exactly one window from the answer: the platform
 * counted the send before it answered, so two sends on one slot arrive at least a window apart.
 */
const SLOT_MARGIN = 2;

/**
 * The library's own script, with the key's lifetime in milliseconds (`PX`) from the limiter's
 * duration instead of whole seconds (`EX`): slots then last exactly their window plus the margin.
 * One text for every limiter, since each RateLimiterRedis defines it on the client under one name.
 */
const MS_TTL_SCRIPT = `redis.call('set', KEYS[1], 0, 'PX', math.ceil(tonumber(ARGV[4]) * 1000), 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
return {consumed, redis.call('pttl', KEYS[1])}`;

/**
 * A rate gate on rate-limiter-flexible: in Redis (shared by every worker of a bot), or in memory.
 *
 * The platforms count sends in a sliding window, while the library's windows are fixed and could
 * let twice the limit through across a boundary. So a limit of N per window is N slots: keys that
 * hold one send each for a window. N slots, each reused only a window after its last send, let at
 * most N sends into any window, and a burst of N at once.
 *
 * In memory the limits are this gate's own: a bot and its delivery worker in one process share one
 * gate object (`startDeliveryWorker`'s `gate`) to share a limit.
 */
export function createRateGate(options: { redis?: Redis; keyPrefix: string }): RateGate {
  const limiters = new Map<number, RateLimiterMemory | RateLimiterRedis>();
  /** When this process last saw each slot taken until: skips asking the store about busy slots. */
  const busyUntil = new Map<string, number>();
  /** Where each limit's search for a free slot starts: slots free up in the order they were taken. */
  const nextSlot = new Map<string, number>();
  // One attempt at a time per process: waiting tasks that wake together do not all ask the store.
  let attempts: Promise<unknown> = Promise.resolve();

  const limiterFor = (durationMs: number) => {
    let limiter = limiters.get(durationMs);
    if (!limiter) {
      // rate-limiter-flexible keeps whole seconds of its duration (our script sets the TTL from it):
      // a shorter window would be stored with no expiry, and its slot never freed.
      if (options.redis && durationMs * SLOT_MARGIN < 1_000) {
        throw new Error(
          `a rate limit's window must be at least ${1_000 / SLOT_MARGIN} ms with Redis (got ${durationMs} ms)`,
        );
      }
      const shared = { points: 1, duration: (durationMs * SLOT_MARGIN) / 1000, keyPrefix: options.keyPrefix };
      limiter = options.redis
        ? new RateLimiterRedis({
            ...shared,
            storeClient: options.redis,
            customIncrTtlLuaScript: MS_TTL_SCRIPT,
          })
        : new RateLimiterMemory(shared);
      limiters.set(durationMs, limiter);
    }
    return limiter;
  };

  /** Takes a free slot of `limit`; otherwise says how long until one frees up. */
  async function takeSlot(limit: RateLimit): Promise<{ slot: string } | { waitMs: number }> {
    const limiter = limiterFor(limit.durationMs);
    const start = nextSlot.get(limit.key) ?? 0;
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < limit.points; i++) {
      const index = (start + i) % limit.points;
      const slot = `${limit.key}#${index}`;
      const now = Date.now();
      const known = busyUntil.get(slot) ?? 0;
      if (known > now) {
        soonest = Math.min(soonest, known - now);
        continue;
      }
      try {
        await limiter.consume(slot);
        busyUntil.set(slot, Date.now() + limit.durationMs * SLOT_MARGIN);
        if (limit.points > 1) nextSlot.set(limit.key, (index + 1) % limit.points);
        return { slot };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error; // the store failed, not the limit
        busyUntil.set(slot, Date.now() + error.msBeforeNext);
        soonest = Math.min(soonest, error.msBeforeNext);
      }
    }
    return { waitMs: soonest };
  }

  async function holdFromNow(taken: readonly TakenSlot[]) {
    for (const { slot, durationMs } of taken) {
      const limiter = limiterFor(durationMs);
      if (limiter instanceof RateLimiterMemory) await limiter.set(slot, 1, durationMs / 1000);
      else await options.redis?.pexpire(limiter.getKey(slot), durationMs);
      busyUntil.set(slot, Date.now() + durationMs);
    }
  }

  async function giveBack(taken: readonly TakenSlot[]) {
    for (const { slot, durationMs } of taken) {
      await limiterFor(durationMs).delete(slot);
      busyUntil.delete(slot);
    }
  }

  /** All limits at one instant, or none: a slot held while waiting for another would be stale by the send. */
  async function attempt(limits: readonly RateLimit[]): Promise<{ taken: TakenSlot[] } | { waitMs: number }> {
    const taken: TakenSlot[] = [];
    for (const limit of limits) {
      const result = await takeSlot(limit);
      if ("waitMs" in result) {
        await giveBack(taken);
        return { waitMs: Math.max(1, result.waitMs) };
      }
      taken.push({ slot: result.slot, durationMs: limit.durationMs });
    }
    return { taken };
  }

  function forgetExpired() {
    if (busyUntil.size < 10_000) return;
    const now = Date.now();
    for (const [slot, until] of busyUntil) if (until <= now) busyUntil.delete(slot);
  }

  return {
    async acquire(limits, signal) {
      for (;;) {
        signal?.throwIfAborted();
        const turn = attempts.then(() => attempt(limits));
        attempts = turn.catch(() => undefined);
        const result = await turn;
        if ("taken" in result)
          return { release: () => giveBack(result.taken), answered: () => holdFromNow(result.taken) };
        forgetExpired();
        await sleep(result.waitMs, signal);
      }
    },
  };
}
