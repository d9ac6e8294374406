import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * A Prometheus registry for one process, with Node's process metrics (CPU, memory, event-loop lag,
 * GC) and a `service` label on every series. Components register their own metrics on the registry
 * they are given, never on prom-client's global one, so that tests and `npm start` (every part in
 * one process, one registry) never register a metric twice.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
