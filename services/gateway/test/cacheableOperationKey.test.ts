import { describe, expect, it } from "vitest";
import { BoundedMap } from "../src/cache/BoundedMap.ts";
import { cacheableOperationKey } from "../src/cache/cacheableOperationKey.ts";
import { PER_BLOCK_QUERY_FIELDS } from "../src/cache/usePerBlockResponseCache.ts";
import { graphiqlExamples } from "../src/graphiqlExamples.ts";

const fields = new Set<string>(PER_BLOCK_QUERY_FIELDS);
const keyOf = (query: string, operationName?: string, variables?: Record<string, unknown>) =>
  cacheableOperationKey({ query, operationName, variables }, fields);

/** Which requests the per-block response cache may answer: a wrong "yes" would serve a stale wallet. */
describe("cacheableOperationKey", () => {
  it("caches queries that read only per-block fields, GraphiQL's Sora and Yields examples among them", () => {
    expect(keyOf("{ sora { burned { raw } } }")).toBeDefined();
    expect(keyOf("query Stats { __typename yields { rebase { apy } } pools { __typename } }")).toBeDefined();
    expect(keyOf(graphiqlExamples, "Sora")).toBeDefined();
    expect(keyOf(graphiqlExamples, "Yields")).toBeDefined();
  });

  it("never caches a query that also reads a wallet, an intent or anything else", () => {
    expect(keyOf('{ sora { burned { raw } } account(address: "0x0") { __typename } }')).toBeUndefined();
    expect(keyOf('{ intent(id: "x") { status } }')).toBeUndefined();
    expect(keyOf(graphiqlExamples, "Account")).toBeUndefined();
  });

  it("never caches mutations, subscriptions, root fragments, directives or unparsable documents", () => {
    expect(keyOf("mutation { __typename }")).toBeUndefined();
    expect(keyOf("subscription { soraBurned { id } }")).toBeUndefined();
    expect(keyOf("{ ...F } fragment F on Query { sora { __typename } }")).toBeUndefined();
    expect(keyOf("query($s: Boolean!) { sora @include(if: $s) { __typename } }")).toBeUndefined();
    expect(keyOf("{ sora { ")).toBeUndefined();
  });

  it("keys by operation and variables, so two operations of one document never share an answer", () => {
    const doc = "query A { sora { __typename } } query B { yields { __typename } }";
    expect(keyOf(doc, "A")).not.toBe(keyOf(doc, "B"));
    expect(keyOf(doc)).toBeUndefined(); // ambiguous: yoga refuses it, nothing to cache
    const withVars = "query($n: Int) { sora { __typename } }";
    expect(keyOf(withVars, undefined, { n: 1 })).not.toBe(keyOf(withVars, undefined, { n: 2 }));
    expect(keyOf(withVars, undefined, { n: 1 })).toBe(keyOf(withVars, undefined, { n: 1 }));
  });

  it("answers a lone named operation whether or not the request names it", () => {
    expect(keyOf("query Only { sora { __typename } }")).toBeDefined();
    expect(keyOf("query Only { sora { __typename } }", "Only")).toBeDefined();
  });
});

describe("BoundedMap", () => {
  it("keeps the most recently set entries and drops the oldest beyond its bound", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c"), map.size]).toEqual([3, undefined, 4, 2]);
  });
});
