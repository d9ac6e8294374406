import { connect, createServer, type Server, type Socket } from "node:net";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";

/** Where the proxy forwards to: an http(s) URL (its host and port), or a host and port. */
export type ProxyTarget = string | URL | { host: string; port: number };

function hostAndPort(target: ProxyTarget): { host: string; port: number } {
  if (typeof target === "object" && !(target instanceof URL)) return target;
  const url = new URL(target);
  return { host: url.hostname, port: Number(url.port || (url.protocol === "https:" ? 443 : 80)) };
}

/**
 * A TCP proxy on 127.0.0.1 in front of `target` (an RPC node, a PostgreSQL server), for one test
 * file, that a test can break without touching the server behind it:
 * - `stall()` stops forwarding: requests hang, as on a stalled network or node;
 * - `cut()` drops every connection and refuses new ones (the server is gone); `cut("reset")` keeps
 *   listening but resets every new connection on arrival (a node that crashes on each request), so
 *   `connections()` shows the client still trying;
 * - `restore()` forwards again, on the same port (a no-op when neither cut nor stalled).
 * Closed after the file's tests.
 */
export async function startCuttableProxy(target: ProxyTarget) {
  const { host, port: targetPort } = hostAndPort(target);
  const sockets = new Set<Socket>();
  let stalled = false;
  let state: "forwarding" | "reset" | "refused" = "forwarding";
  let connections = 0;
  let server: Server | undefined;

  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      const listening = createServer((client) => {
        connections += 1;
        if (state === "reset") {
          client.on("error", () => {});
          client.destroy();
          return;
        }
        const upstream = connect(targetPort, host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("error", () => {});
          socket.on("close", () => sockets.delete(socket));
        }
        client.on("data", (chunk) => stalled || upstream.write(chunk));
        upstream.on("data", (chunk) => stalled || client.write(chunk));
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server = listening;
      listening.once("error", reject);
      listening.listen(at, "127.0.0.1", () => resolve((listening.address() as { port: number }).port));
    });

  const port = await listen(0);
  const close = () =>
    new Promise<void>((resolve) => {
      server?.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const proxy = {
    host: "127.0.0.1",
    port,
    url: `http://127.0.0.1:${port}`,
    /** Connections the proxy accepted so far, including those reset while cut with "reset". */
    connections: () => connections,
    stall() {
      stalled = true;
    },
    async cut(how: "refuse" | "reset" = "refuse") {
      if (how === "reset") {
        if (state === "forwarding") state = "reset";
        for (const socket of sockets) socket.destroy();
        return;
      }
      state = "refused";
      await close();
    },
    async restore() {
      stalled = false;
      if (state === "refused") await listen(port);
      state = "forwarding";
    },
  };
  deferTeardown(close);
  return proxy;
}
