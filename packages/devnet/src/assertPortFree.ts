import { createServer } from "node:net";
import { hostUnavailableError } from "./hostUnavailableError.ts";
import { portInUseError } from "./portInUseError.ts";

/**
 * Fails fast with a clear message when something already listens on `host:port` (or the host is
 * not ours), instead of spawning anvil only to parse its complaint. Other listen errors (e.g. a
 * privileged port) are left for anvil to report in its own words.
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  const server = createServer();
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once("error", resolve);
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (failure?.code === "EADDRINUSE") throw portInUseError(port);
  if (failure?.code === "EADDRNOTAVAIL") throw hostUnavailableError(host, failure);
}
