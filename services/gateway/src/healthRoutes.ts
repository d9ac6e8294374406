import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "./context.ts";

/** Lag (in blocks) above which the gateway says it is not ready: answers would be stale. */
export const MAX_READY_LAG_BLOCKS = 50n;

/**
 * `/healthz`: the process answers. `/readyz`: the chain answers within 2 s and the event index is
 * caught up (JSON with the reasons; 503 otherwise), for load balancers and compose health checks.
 */
export function healthRoutes(context: Pick<GatewayContext, "client" | "indexerStatus">): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") {
        endResponse(new fetchAPI.Response("ok", { headers: { "content-type": "text/plain" } }));
        return;
      }
      if (url.pathname !== "/readyz") return;
      const head = await Promise.race([
        context.client.getBlockNumber().catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(resolve, 2_000)),
      ]);
      const { lagBlocks } = context.indexerStatus();
      const problems = [
        ...(head === undefined ? ["chain RPC not answering"] : []),
        ...(lagBlocks === undefined ? ["indexer has not synced yet"] : []),
        ...(lagBlocks !== undefined && lagBlocks > MAX_READY_LAG_BLOCKS
          ? [`indexer ${lagBlocks} blocks behind`]
          : []),
      ];
      const body = JSON.stringify({
        ready: problems.length === 0,
        problems,
        headBlock: head?.toString() ?? null,
        lagBlocks: lagBlocks?.toString() ?? null,
      });
      endResponse(
        new fetchAPI.Response(body, {
          status: problems.length === 0 ? 200 : 503,
          headers: { "content-type": "application/json" },
        }),
      );
    },
  };
}
