import { createMetricsRegistry } from "@luma-pulse/ops";
import { beforeAll, describe, expect, it } from "vitest";
import type { GatewayContext } from "../src/context.ts";
import type { IndexerStatus } from "../src/indexer/index.ts";
import { createGatewayMetrics } from "../src/metrics/createGatewayMetrics.ts";
import { createProtectionConfig } from "../src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { createGatewayYoga } from "../src/yoga.ts";
import { errorCodeOf, postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const PARTNER_KEY = "partner-key-0123456789abcdef";

/** The value of the first sample of `name` whose labels include `labels`, or undefined. */
function sampleOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe("gateway metrics", () => {
  let gateway: RunningGateway;
  const scrape = async () => {
    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  };
  const operations = (text: string, type: string, rootField: string, result: string) =>
    sampleOf(text, "luma_graphql_operations_total", { type, root_field: rootField, result }) ?? 0;

  beforeAll(async () => {
    const chain = await setupChain();
    gateway = await startReadyGateway(chain, {
      protection: createProtectionConfig({ RATE_LIMIT_PER_API_KEY: "2", API_KEYS: `partner:${PARTNER_KEY}` }),
    });
  });

  it("counts operations per type and first root field, ok and error, with their latency", async () => {
    const before = await scrape();
    expect((await postGraphql(gateway.url, "{ __typename }")).body.errors).toBeUndefined();
    expect(
      (await postGraphql(gateway.url, "query Named { protocol { chainId } }")).body.errors,
    ).toBeUndefined();
    const bad = await postGraphql(gateway.url, `{ account(address: "0x12345") { address } }`);
    expect(errorCodeOf(bad.body)).toBe("INVALID_ADDRESS");
    const mutation = await postGraphql(
      gateway.url,
      `mutation { completeWalletLink(id: "nope", message: "m", signature: "0x00") { address } }`,
    );
    expect(mutation.body.errors).toBeDefined();

    const after = await scrape();
    const added = (type: string, rootField: string, result: string) =>
      operations(after, type, rootField, result) - operations(before, type, rootField, result);
    expect(added("query", "__typename", "ok")).toBe(1);
    expect(added("query", "protocol", "ok")).toBe(1);
    expect(added("query", "account", "error")).toBe(1);
    expect(added("query", "account", "ok")).toBe(0);
    expect(added("mutation", "completeWalletLink", "error")).toBe(1);
    // The client's operation name is never a label.
    expect(after).not.toContain("Named");
    const count = (text: string) =>
      sampleOf(text, "luma_graphql_operation_duration_seconds_count", {
        type: "query",
        root_field: "account",
      }) ?? 0;
    expect(count(after) - count(before)).toBe(1);
    expect(
      sampleOf(after, "luma_graphql_operation_duration_seconds_bucket", {
        type: "query",
        root_field: "account",
        le: "10",
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/luma_graphql_operation_duration_seconds_bucket\{[^}]*le="0\.001"/);
  });

  it("error: counts a document that does not parse, or starts with an unknown field, as root_field invalid", async () => {
    const before = await scrape();
    expect(errorCodeOf((await postGraphql(gateway.url, "{ protocol { ")).body)).toBe("GRAPHQL_PARSE_FAILED");
    expect(errorCodeOf((await postGraphql(gateway.url, "{ noSuchField }")).body)).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
    const after = await scrape();
    const added = (type: string) =>
      operations(after, type, "invalid", "error") - operations(before, type, "invalid", "error");
    expect(added("invalid")).toBe(1);
    expect(added("query")).toBe(1);
    expect(after).not.toContain("noSuchField");
  });

  it("error: counts requests refused with 429 by the budget they spent", async () => {
    const limited = (text: string) =>
      sampleOf(text, "luma_graphql_rate_limited_total", { by: "api_key" }) ?? 0;
    const before = await scrape();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await postGraphql(gateway.url, "{ __typename }", { "x-api-key": PARTNER_KEY })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(limited(await scrape()) - limited(before)).toBe(1);
  });

  it("shows the indexer gauges: this single gateway leads, and the index is caught up", async () => {
    const text = await scrape();
    expect(sampleOf(text, "luma_indexer_leader")).toBe(1);
    const head = sampleOf(text, "luma_indexer_head_block") ?? 0;
    expect(head).toBeGreaterThan(0);
    expect(sampleOf(text, "luma_indexer_indexed_block")).toBe(head);
    expect(sampleOf(text, "luma_indexer_lag_blocks")).toBe(0);
    expect(sampleOf(text, "luma_subscriptions_active")).toBe(0);
    // The process metrics, labelled with the service like every series.
    expect(sampleOf(text, "process_cpu_user_seconds_total", { service: "gateway" })).toBeGreaterThan(0);
  });

  it("counts an open subscription until the client leaves", async () => {
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: "subscription { soraBurned { id } }" }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(sampleOf(await scrape(), "luma_subscriptions_active")).toBe(1);
    controller.abort();
    const deadline = Date.now() + 5_000;
    while (sampleOf(await scrape(), "luma_subscriptions_active") !== 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sampleOf(await scrape(), "luma_subscriptions_active")).toBe(0);
  });
});

/** Metrics on a registry of their own, for a gateway served in-process. */
const inProcessMetrics = (
  indexerStatus: IndexerStatus = { headBlock: 1n, indexedBlock: 1n, lagBlocks: 0n },
) =>
  createGatewayMetrics(createMetricsRegistry("gateway"), {
    indexerStatus: () => indexerStatus,
    isLeader: () => true,
  });

const postInProcess = (yoga: ReturnType<typeof createGatewayYoga>, body: object) =>
  yoga.fetch("http://gateway/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("gateway metrics in process", () => {
  it("counts answers served by the per-block response cache, which never execute", async () => {
    const metrics = inProcessMetrics();
    // Yoga builds an execution's context from this object: reading it means an operation executes.
    let executions = 0;
    const context = {
      chainHead: { fresh: () => ({ block: { hash: "0x01" }, indexVersion: 1 }) },
      get manifest() {
        executions++;
        return {};
      },
    } as unknown as GatewayContext;
    const yoga = createGatewayYoga(context, { metrics });
    for (let i = 0; i < 3; i++) {
      const response = await postInProcess(yoga, { query: "{ __typename }" });
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    }
    expect(executions).toBe(1);
    const text = await metrics.registry.metrics();
    expect(
      sampleOf(text, "luma_graphql_operations_total", {
        type: "query",
        root_field: "__typename",
        result: "ok",
      }),
    ).toBe(3);
  });

  it("labels the operation a request names, and a name the document lacks as invalid", async () => {
    const metrics = inProcessMetrics();
    const yoga = createGatewayYoga({ chainHead: { fresh: () => undefined } } as unknown as GatewayContext, {
      metrics,
    });
    const query = "query A { __typename } mutation B { __typename }";
    expect(await (await postInProcess(yoga, { query, operationName: "B" })).json()).toEqual({
      data: { __typename: "Mutation" },
    });
    expect((await postInProcess(yoga, { query, operationName: "C" })).status).toBe(400);
    const text = await metrics.registry.metrics();
    const operations = (labels: Record<string, string>) =>
      sampleOf(text, "luma_graphql_operations_total", labels);
    expect(operations({ type: "mutation", root_field: "__typename", result: "ok" })).toBe(1);
    expect(operations({ type: "invalid", root_field: "invalid", result: "error" })).toBe(1);
    expect(text).not.toMatch(/root_field="(A|B|C)"/);
  });

  it("labels a document longer than the remembered ones (8 KB) by its root field all the same", async () => {
    const metrics = inProcessMetrics();
    const yoga = createGatewayYoga({ chainHead: { fresh: () => undefined } } as unknown as GatewayContext, {
      metrics,
    });
    const query = `{ __typename }\n# ${"padding ".repeat(1_500)}`;
    expect(query.length).toBeGreaterThan(8 * 1024);
    for (let i = 0; i < 2; i++) {
      const response = await postInProcess(yoga, { query });
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    }
    const text = await metrics.registry.metrics();
    expect(
      sampleOf(text, "luma_graphql_operations_total", {
        type: "query",
        root_field: "__typename",
        result: "ok",
      }),
    ).toBe(2);
  });

  it("reads the indexer gauges as NaN while they are unknown, so that lag 0 always means caught up", async () => {
    const metrics = inProcessMetrics({ headBlock: undefined, indexedBlock: undefined, lagBlocks: undefined });
    const text = await metrics.registry.metrics();
    for (const name of ["luma_indexer_head_block", "luma_indexer_indexed_block", "luma_indexer_lag_blocks"])
      expect(sampleOf(text, name), name).toBeNaN();
  });
});
