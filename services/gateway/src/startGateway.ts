import { createServer, type Server } from "node:http";
import type { Database } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import { createPublicClient, http, type PublicClient } from "viem";
import { createIndexer, leadIndexer } from "./indexer/index.ts";
import { createGatewayYoga } from "./yoga.ts";

export type RunningGateway = {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  server: Server;
  /** Stops taking requests (in-flight ones finish), then stops indexing. */
  stop(): Promise<void>;
};

/**
 * Starts the gateway on an open database: the indexer (as the leader, when several replicas share
 * PostgreSQL) and the GraphQL server on `port` (0 = any free port).
 */
export async function startGateway(options: {
  database: Pick<Database, "prisma" | "url" | "kind">;
  manifest: DeploymentManifest;
  port: number;
  host?: string;
  log?: (message: string) => void;
}): Promise<RunningGateway> {
  const { database, manifest } = options;
  const log = options.log ?? console.log;
  // Batched JSON-RPC: the indexer fetches block headers in parallel slices.
  const client = createPublicClient({ transport: http(manifest.rpcUrl, { batch: true }) }) as PublicClient;
  const indexer = createIndexer({ prisma: database.prisma, client, manifest, log });
  const leadership = leadIndexer({
    indexer,
    databaseUrl: database.kind === "postgres" ? database.url : undefined,
    chainId: manifest.chainId,
    log,
  });
  const yoga = createGatewayYoga({
    prisma: database.prisma,
    client,
    manifest,
    indexerStatus: indexer.status,
  });
  const server = createServer(yoga);
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, host, resolve);
    });
  } catch (error) {
    await leadership.stop();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} is already in use (another gateway or npm start?). Stop it or set PORT to a free port.`,
      );
    }
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    server,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await leadership.stop();
    },
  };
}
