import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { IndexerStatus } from "../indexer/index.ts";

/** The gateway's own metrics, registered on the process's registry (see `createMetricsRegistry`). */
export type GatewayMetrics = {
  registry: Registry;
  /** Every answered GraphQL operation, cached answers included. */
  operations: Counter<"type" | "root_field" | "result">;
  /** From the operation's parameters to its result (queueing for a cached answer included). */
  operationDuration: Histogram<"type" | "root_field">;
  /** Requests refused with 429, by the budget they spent. */
  rateLimited: Counter<"by">;
  /** GraphQL subscriptions open on this replica. */
  subscriptionsActive: Gauge;
};

/** Where the indexer gauges read from when Prometheus scrapes. */
export type IndexerGaugeSources = {
  /** The leader's indexer status; on a standby, the leader's progress as this replica sees it. */
  indexerStatus: () => IndexerStatus;
  isLeader: () => boolean;
};

// Cached answers take ~1 ms, chain reads tens of ms, a stuck RPC up to its timeouts (seconds).
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Registers the gateway's metrics on `registry`: GraphQL operations (count, duration), rate-limited
 * requests, open subscriptions, and the indexer gauges, which are read from `sources` at each scrape
 * rather than updated on the hot path. One gateway per registry: a second one would register the
 * same names twice, which prom-client refuses.
 */
export function createGatewayMetrics(registry: Registry, sources: IndexerGaugeSources): GatewayMetrics {
  const registers = [registry];
  registerIndexerGauges(registers, sources);
  return {
    registry,
    operations: new Counter({
      name: "luma_graphql_operations_total",
      help: "GraphQL operations answered, by operation type, first root field and result (ok or error).",
      labelNames: ["type", "root_field", "result"],
      registers,
    }),
    operationDuration: new Histogram({
      name: "luma_graphql_operation_duration_seconds",
      help: "Time from a GraphQL operation's parameters to its result, in seconds.",
      labelNames: ["type", "root_field"],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    rateLimited: new Counter({
      name: "luma_graphql_rate_limited_total",
      help: "GraphQL requests refused with 429, by the budget spent (ip or api_key).",
      labelNames: ["by"],
      registers,
    }),
    subscriptionsActive: new Gauge({
      name: "luma_subscriptions_active",
      help: "GraphQL subscriptions open on this replica.",
      registers,
    }),
  };
}

/**
 * The indexer gauges. Prometheus values are floats by definition, so block numbers (bigint) become
 * numbers here and only here; they are block heights, exact as floats up to 2^53 (never token
 * amounts). A value not known yet (before the first head, or a standby before the leader's first
 * cursor) reads NaN, never 0: "lag 0" must mean caught up, not "unknown".
 */
function registerIndexerGauges(registers: Registry[], sources: IndexerGaugeSources): void {
  const blockGauge = (name: string, help: string, read: (status: IndexerStatus) => bigint | undefined) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        const value = read(sources.indexerStatus());
        this.set(value === undefined ? Number.NaN : Number(value));
      },
    });
  new Gauge({
    name: "luma_indexer_leader",
    help: "1 when this replica holds the indexer lock (it indexes), else 0.",
    registers,
    collect() {
      this.set(sources.isLeader() ? 1 : 0);
    },
  });
  blockGauge("luma_indexer_head_block", "The chain head the indexer last saw.", (status) => status.headBlock);
  blockGauge(
    "luma_indexer_indexed_block",
    "The last block whose events are all indexed.",
    (status) => status.indexedBlock,
  );
  blockGauge(
    "luma_indexer_lag_blocks",
    "Blocks between the chain head and the index.",
    (status) => status.lagBlocks,
  );
}
