import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "./context.ts";

/** Lag (in blocks) above which the gateway says it is not ready: answers would be stale. */
export const MAX_READY_LAG_BLOCKS = 50n;

/** This replica's place in the deployment, for /readyz (`startGateway` puts it on the context). */
export type ReplicaState = {
  /** Holds the indexer lock: its indexer writes the event tables. */
  isLeader(): boolean;
  /** Stopping (SIGTERM): in-flight requests finish, new ones should go to another replica. */
  isDraining(): boolean;
  /** What is wrong with the database and Redis ("database not answering", "redis reconnecting"). */
  dependencyProblems?(): Promise<string[]>;
};

/**
 * `/healthz`: the process answers. `/readyz`: the chain and the database answer within 2 s, Redis
 * (when used) is connected, and the event index is caught up (JSON with the reasons, `leader` and
 * `draining`; 503 otherwise), for load balancers and
 * compose health checks. A draining replica answers 503 at once, so the balancer stops sending it
 * requests while those in flight finish.
 */
export function healthRoutes(
  context: Pick<GatewayContext, "client" | "indexerStatus"> & { replica?: ReplicaState },
): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/healthz") {
        endResponse(new fetchAPI.Response("ok", { headers: { "content-type": "text/plain" } }));
        return;
      }
      if (url.pathname !== "/readyz") return;
      const draining = context.replica?.isDraining() ?? false;
      const [head, dependencyProblems = []] = draining
        ? []
        : await Promise.all([
            Promise.race([
              context.client.getBlockNumber().catch(() => undefined),
              new Promise<undefined>((resolve) => setTimeout(resolve, 2_000)),
            ]),
            context.replica?.dependencyProblems?.(),
          ]);
      const { lagBlocks } = context.indexerStatus();
      const problems = draining
        ? ["stopping: draining in-flight requests"]
        : [
            ...(head === undefined ? ["chain RPC not answering"] : []),
            ...dependencyProblems,
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
        leader: context.replica?.isLeader() ?? false,
        draining,
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
