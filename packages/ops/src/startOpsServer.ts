import { createServer } from "node:http";
import type { Registry } from "prom-client";
import type { Readiness } from "./Readiness.ts";

export type OpsServer = { url: string; port: number; stop(): Promise<void> };

/**
 * The operations endpoints of a process that has no HTTP server of its own (the bots):
 * `GET /healthz` (the process answers), `GET /readyz` (200 or 503 with the reasons, JSON) and
 * `GET /metrics` (Prometheus text). Compose and orchestrators probe the first two; Prometheus scrapes
 * the third. Bind it to an internal interface (`host`, from OPS_HOST): it is not meant for the public.
 *
 * @param options.host - the interface to listen on (default 0.0.0.0, every interface)
 * @param options.failure - why the process has failed for good, once it has: /healthz then answers
 *   503 with it, so that a prober restarts the process even if its way out stalls
 */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  readiness: () => Readiness | Promise<Readiness>;
  failure?: () => string | undefined;
}): Promise<OpsServer> {
  const { registry, readiness, failure } = options;
  const server = createServer(async (request, response) => {
    try {
      const path = new URL(request.url ?? "/", "http://ops").pathname;
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.writeHead(405, { allow: "GET, HEAD" }).end();
      } else if (path === "/healthz") {
        const failed = failure?.();
        response.writeHead(failed ? 503 : 200, { "content-type": "text/plain" }).end(failed ?? "ok");
      } else if (path === "/readyz") {
        const state = await readiness();
        response
          .writeHead(state.ready ? 200 : 503, { "content-type": "application/json" })
          .end(JSON.stringify(state));
      } else if (path === "/metrics") {
        const body = await registry.metrics();
        response.writeHead(200, { "content-type": registry.contentType }).end(body);
      } else {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    } catch (error) {
      // A failing readiness probe or collector must answer, not hang the prober.
      response.writeHead(500, { "content-type": "text/plain" }).end(String((error as Error).message));
    }
  });
  const host = options.host ?? "0.0.0.0";
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(describeListenError(error, options.port, host)),
    );
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${reachableHost(host)}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Errors an operator fixes with OPS_PORT or OPS_HOST say so; anything else is passed on as it is. */
function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === "EADDRINUSE")
    return new Error(`OPS_PORT=${port} is already in use: set OPS_PORT to a free port (0 = any).`);
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
    return new Error(
      `OPS_HOST=${host} is not an interface of this machine: set OPS_HOST to one (0.0.0.0 = all).`,
    );
  return error;
}

/** Where this machine reaches a server listening on `host` (every interface: the loopback one). */
function reachableHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
