import { createServer, type Server } from "node:net";

/** Listens on a port the way another anvil would, so tests can collide with it. */
export async function occupyPort(host = "127.0.0.1"): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host }, resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return { port: address.port, server };
}
