import type { Metric, Registry } from "prom-client";

/**
 * The metric `name` of `registry`, created by `create` the first time: in `npm start` both bots (and
 * a bot restarted in the same process) share one registry, where registering a name twice throws.
 */
export function metricOf<T extends Metric>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}
