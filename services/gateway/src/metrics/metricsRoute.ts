import type { Plugin } from "graphql-yoga";
import type { Registry } from "prom-client";

/**
 * `GET /metrics`: the Prometheus text of the process's registry (the bots' metrics too when they
 * share the process). Install it before the protection plugins: scrapes are never rate limited.
 * Expose the gateway's port to Prometheus, or keep /metrics off the public proxy.
 */
export function metricsRoute(registry: Registry): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== "/metrics") return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      const body = await registry.metrics();
      endResponse(new fetchAPI.Response(body, { headers: { "content-type": registry.contentType } }));
    },
  };
}
