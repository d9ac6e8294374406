import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";

type RpcRequest = { jsonrpc: "2.0"; id: number | string; method: string; params?: unknown[] };

/**
 * A JSON-RPC proxy in front of `rpcUrl` (for one test file) that counts the calls going through it
 * by method, batched or not, and can fail every call of one method with a JSON-RPC error (the
 * rest of a batch still goes through), as a node that cannot serve `eth_call` right now would.
 */
export async function startCountingRpcProxy(rpcUrl: string) {
  const counts = new Map<string, number>();
  let failing: string | undefined;

  async function answer(calls: RpcRequest[]) {
    for (const call of calls) counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
    const forwarded = calls.filter((call) => call.method !== failing);
    const upstream = forwarded.length
      ? ((await (
          await fetch(rpcUrl, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(forwarded),
          })
        ).json()) as { id: RpcRequest["id"] }[])
      : [];
    return calls.map(
      (call) =>
        upstream.find((reply) => reply.id === call.id) ?? {
          jsonrpc: "2.0",
          id: call.id,
          error: { code: -32000, message: `${call.method} is cut by the test proxy` },
        },
    );
  }

  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    // JSON-RPC over HTTP POST only: the gateway's WebSocket head watch is refused here, so it polls.
    if (request.method !== "POST" || body === "") {
      response.writeHead(405).end();
      return;
    }
    const parsed = JSON.parse(body) as RpcRequest | RpcRequest[];
    const replies = await answer(Array.isArray(parsed) ? parsed : [parsed]);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(Array.isArray(parsed) ? replies : replies[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  deferTeardown(
    () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Calls of `method` since the start or the last `resetCounts()`. */
    count: (method: string) => counts.get(method) ?? 0,
    resetCounts: () => counts.clear(),
    /** Every `method` call fails from now on, until `restore()`. */
    cut: (method: string) => {
      failing = method;
    },
    restore: () => {
      failing = undefined;
    },
  };
}
