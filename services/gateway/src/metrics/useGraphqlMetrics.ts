import type { GraphQLSchema } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { GatewayMetrics } from "./createGatewayMetrics.ts";
import { createOperationSeries, type OperationSeries } from "./createOperationSeries.ts";

type Started = { series: OperationSeries; at: number };

/**
 * Counts and times every answered GraphQL operation, and tracks open subscriptions. The count is
 * taken where every answer passes, executed or served by the per-block response cache: install this
 * before the cache, so that its wait for another request's answer is timed too. Per request: a map
 * lookup, one counter increment and one histogram observation, nothing else (no log line).
 */
export function useGraphqlMetrics(metrics: GatewayMetrics, schema: GraphQLSchema): Plugin {
  const seriesOf = createOperationSeries(schema, metrics);
  const started = new WeakMap<Request, Started>();
  const { subscriptionsActive } = metrics;
  // One hook object for all subscriptions: nothing allocated per request that does not subscribe.
  const trackSubscription = {
    onSubscribeResult({ result }: { result: unknown }) {
      if (!isAsyncIterable(result)) return;
      subscriptionsActive.inc();
      // Called once, when the stream ends, the client leaves, or the stream fails.
      return { onEnd: () => subscriptionsActive.dec() };
    },
  };

  return {
    onParams({ params, request }) {
      started.set(request, { series: seriesOf(params), at: performance.now() });
    },
    onExecutionResult({ request, result }) {
      const operation = started.get(request);
      if (!operation) return;
      started.delete(request);
      operation.series.duration.observe((performance.now() - operation.at) / 1000);
      // A subscription that started streaming is ok; its later events are not operations.
      const failed = !isAsyncIterable(result) && hasErrors(result);
      (failed ? operation.series.error : operation.series.ok).inc();
    },
    onSubscribe: () => trackSubscription,
  };
}

const hasErrors = (result: unknown): boolean =>
  Array.isArray(result)
    ? result.some(hasErrors)
    : Boolean((result as { errors?: readonly unknown[] } | undefined)?.errors?.length);
