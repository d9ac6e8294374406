import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { ChainHead } from "../chain/createChainHead.ts";
import { BoundedMap } from "./BoundedMap.ts";
import { cacheableOperationKey } from "./cacheableOperationKey.ts";

/**
 * Query fields whose whole answer is a function of the chain head and the event index: the same
 * document and variables give the same response until the head or the index moves. The hot public
 * queries (protocol stats a bot or dashboard polls) are here; per-wallet, per-intent and
 * per-user fields are not (many keys, or state that changes without a block).
 */
export const PER_BLOCK_QUERY_FIELDS = ["protocol", "yields", "sora", "pools", "rebaseHistory"] as const;

/** How many answers (document × operation × variables) are kept; the oldest goes first. */
const MAX_ENTRIES = 1_000;

/**
 * How long requests wait for the one computing a new block's answer before computing it themselves
 * (that one may have failed or be stuck on the chain): a bound, not a tuning knob.
 */
const MAX_WAIT_MS = 2_000;

type Answer = { version: string; result: ExecutionResult; body: string };
type Flight = { version: string; done: Promise<Answer | undefined> };
type Leader = { key: string; version: string; settle(answer: Answer | undefined): void };

/**
 * Serves the per-block queries (an operation whose every root field is in {@link PER_BLOCK_QUERY_FIELDS})
 * once per block: the first request of a new head computes the answer, and its serialized body is
 * reused until the head or the index moves. The block snapshot already shares the reads; this also
 * shares the resolvers' and the serializer's work, which is most of what such a request costs.
 *
 * One request computes a block's answer (single flight): meanwhile, requests for the same operation
 * get the previous block's answer if there is one (it says which block it is of, and the head itself
 * is polled, so it is as fresh as a head one poll older), or wait for the new one. Without that, every
 * request in flight at a block change would execute the operation, which made the tail latency.
 * Without a fresh head (the chain is not answering), requests run uncached. Operations that mix in
 * any other field (an account, an intent) are never cached — new fields are safe by default.
 */
export function usePerBlockResponseCache(chainHead: ChainHead): Plugin {
  const cachedFields = new Set<string>(PER_BLOCK_QUERY_FIELDS);
  const answers = new BoundedMap<string, Answer>(MAX_ENTRIES);
  const flights = new Map<string, Flight>();
  const leaders = new WeakMap<Request, Leader>();

  return {
    onParams({ params, request, setResult }) {
      const snapshot = chainHead.fresh();
      if (!snapshot || leaders.has(request)) return;
      const key = cacheableOperationKey(params, cachedFields);
      if (key === undefined) return;
      const version = `${snapshot.block.hash}:${snapshot.indexVersion}`;
      const answer = answers.get(key);
      if (answer?.version === version) return setResult(served(answer));
      const flight = flights.get(key);
      if (flight?.version === version) {
        if (answer) return setResult(served(answer));
        return withinWait(flight.done).then((computed) => {
          if (computed) setResult(served(computed));
        });
      }
      let settle: Leader["settle"] = () => {};
      const done = new Promise<Answer | undefined>((resolve) => {
        settle = resolve;
      });
      flights.set(key, { version, done });
      leaders.set(request, { key, version, settle });
    },
    onExecutionResult({ request, result }) {
      const leader = leaders.get(request);
      if (!leader) return;
      leaders.delete(request);
      if (flights.get(leader.key)?.version === leader.version) flights.delete(leader.key);
      const cacheable = result && !(Symbol.asyncIterator in result) && !result.errors?.length;
      if (!cacheable) return leader.settle(undefined);
      const answer = { version: leader.version, result, body: JSON.stringify(result) };
      answers.set(leader.key, answer);
      leader.settle(answer);
    },
  };
}

/** A response for one request: its own object (later hooks may add to it), the stored body as is. */
const served = (answer: Answer): ExecutionResult & { stringify(): string } => ({
  ...answer.result,
  stringify: () => answer.body,
});

const withinWait = (done: Promise<Answer | undefined>) =>
  Promise.race([done, new Promise<undefined>((resolve) => setTimeout(resolve, MAX_WAIT_MS))]);
