import { createHash, randomUUID } from "node:crypto";
import { createInMemoryCache, useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { GraphQLSchema } from "graphql";
import type { ChainHead } from "../chain/createChainHead.ts";
import type { GatewayContext } from "../context.ts";

/**
 * Query fields whose whole answer is a function of the chain head and the event index: the same
 * document and variables give the same response until the head or the index moves. The hot public
 * queries (protocol stats a bot or dashboard polls) are here; per-wallet, per-intent and
 * per-user fields are not (many keys, or state that changes without a block).
 */
export const PER_BLOCK_QUERY_FIELDS = ["protocol", "yields", "sora", "pools"] as const;

/**
 * Upper bound on how long a response is served: the key already changes with every block, this only
 * keeps a stalled head (the chain stopped answering) from serving one answer forever; chainHead
 * itself refuses a head older than its stale limit.
 */
const PER_BLOCK_TTL_MS = 5_000;

/** Prefix of the keys of requests made while the head is stale: never stored, never found. */
const NO_HEAD = "no-head:";

/**
 * Serves the per-block queries from a response cache: executing and serializing a `sora` or `yields`
 * answer once per block (and document + variables) instead of once per request. The block snapshot
 * already shares the reads; this also shares the resolvers' work, which is most of what a request
 * costs once reads are shared (docs/benchmarks.md).
 *
 * Every other query field gets a TTL of 0, so an operation that mixes a cached field with any other
 * (an account, an intent) is never cached — new fields are safe by default.
 */
export function usePerBlockResponseCache(schema: GraphQLSchema, chainHead: ChainHead) {
  const cachedFields = new Set<string>(PER_BLOCK_QUERY_FIELDS);
  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const name of Object.keys(schema.getQueryType()?.getFields() ?? {})) {
    ttlPerSchemaCoordinate[`Query.${name}`] = cachedFields.has(name) ? PER_BLOCK_TTL_MS : 0;
  }
  return useResponseCache<GatewayContext>({
    session: () => null,
    // Nothing is cached unless its fields say so (above); mutations never are.
    ttl: 0,
    ttlPerSchemaCoordinate,
    cache: createInMemoryCache({ max: 1_000 }),
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    buildResponseCacheKey(params) {
      // Yoga looks the key up before the GraphQL context exists (that is what makes a hit cheap),
      // so the head comes from the closure. Without a fresh head (the chain is not answering) the
      // request runs uncached, as if there were no cache: it neither waits for the chain here nor
      // gets an answer of an older block.
      const snapshot = chainHead.fresh();
      if (!snapshot) return `${NO_HEAD}${randomUUID()}`;
      const { documentString, variableValues, operationName } = params;
      const identity = [
        snapshot.block.hash,
        snapshot.indexVersion,
        documentString,
        variableValues,
        operationName,
      ];
      return createHash("sha256").update(JSON.stringify(identity)).digest("base64url");
    },
    shouldCacheResult: ({ cacheKey, result }) => !cacheKey.startsWith(NO_HEAD) && !result.errors?.length,
  });
}
