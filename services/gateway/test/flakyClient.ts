import { createPublicClient, custom, http, type PublicClient } from "viem";

/** A client of the node at `rpcUrl` whose eth_getLogs fails while `outage.getLogsFailures` > 0. */
export function flakyClient(rpcUrl: string, outage: { getLogsFailures: number }): PublicClient {
  const inner = createPublicClient({ transport: http(rpcUrl) });
  return createPublicClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          if (method === "eth_getLogs" && outage.getLogsFailures > 0) {
            outage.getLogsFailures -= 1;
            throw new Error("connection reset");
          }
          return inner.request({ method, params } as never);
        },
      },
      { retryCount: 0 },
    ),
  });
}
