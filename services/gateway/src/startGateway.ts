import { createServer, type Server } from "node:http";
import type { Database } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import { createPublicClient, http, type PublicClient } from "viem";
import { createChainHead } from "./chain/createChainHead.ts";
import type { SigningConfig } from "./config.ts";
import { createIndexBus } from "./events/createIndexBus.ts";
import { type EventFeedOptions, startEventFeed } from "./events/startEventFeed.ts";
import {
  createIndexer,
  createPgSqlWriter,
  createPrismaSqlWriter,
  leadIndexer,
  webSocketUrlOf,
} from "./indexer/index.ts";
import { startConfirmationWatcher } from "./intents/confirmationWatcher.ts";
import { createIntentUpdates } from "./intents/intentUpdates.ts";
import { createGatewayProtection } from "./protection/createGatewayProtection.ts";
import type { ProtectionConfig } from "./protection/createProtectionConfig.ts";
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
  /** Document limits, rate limits, API keys (`createGatewayConfig(env).protection`); defaults when absent. */
  protection?: ProtectionConfig;
  /** How often this replica polls the chain head that answers are read at. Default 250 ms. */
  chainHeadPollIntervalMs?: number;
  /**
   * How often the indexer polls the chain head while its new-head WebSocket subscription (same
   * host and port as the RPC, as anvil serves it) is down (INDEXER_POLL_INTERVAL_MS). Default 200 ms.
   */
  indexerPollIntervalMs?: number;
  /** Redis carrying subscription events to every replica (REDIS_URL); unset: in-process, one replica. */
  redisUrl?: string;
  /** Prefix of the Redis channels, for several deployments (or test runs) on one Redis. */
  redisChannelPrefix?: string;
  /** Signing links (`createGatewayConfig(env).signing`); defaults: PUBLIC_URL = this server's URL, 15 min. */
  signing?: SigningConfig;
  /** Tuning of the subscription feed (tests: a tiny queue, page size, or no safety poll). */
  subscriptions?: Pick<EventFeedOptions, "queueCapacity" | "safetyPollMs" | "pageSize">;
  /** Tuning of the signing-intent confirmation watcher (tests: a short bound for never-seen hashes). */
  intentWatcher?: { pollIntervalMs?: number; idleRecheckMs?: number; notSeenTimeoutMs?: number };
}): Promise<RunningGateway> {
  const { database, manifest } = options;
  const log = options.log ?? console.log;
  // Batched JSON-RPC: the indexer fetches block headers in parallel slices.
  const client = createPublicClient({ transport: http(manifest.rpcUrl, { batch: true }) }) as PublicClient;
  // Subscriptions: the leader's indexer says which blocks it committed; every replica reads them.
  const bus = createIndexBus({
    chainId: manifest.chainId,
    redisUrl: options.redisUrl,
    channelPrefix: options.redisChannelPrefix,
    log,
  });
  const feedOptions = {
    ...options.subscriptions,
    prisma: database.prisma,
    chainId: manifest.chainId,
    bus,
    log,
  };
  const events = await startEventFeed(feedOptions).catch(async (error: unknown) => {
    await bus.close();
    throw error;
  });
  // On PostgreSQL the indexer bulk-writes over its own connection; PGlite's single one is Prisma's.
  const writer =
    database.kind === "postgres" ? createPgSqlWriter(database.url) : createPrismaSqlWriter(database.prisma);
  const indexer = createIndexer({
    prisma: database.prisma,
    writer,
    client,
    manifest,
    log,
    onChunk: (chunk) => bus.publish({ from: chunk.from.toString(), to: chunk.to.toString() }),
    pollIntervalMs: options.indexerPollIntervalMs,
    webSocketUrl: webSocketUrlOf(manifest.rpcUrl),
  });
  const leadership = leadIndexer({
    indexer,
    databaseUrl: database.kind === "postgres" ? database.url : undefined,
    chainId: manifest.chainId,
    log,
  });
  // One head per replica: requests share its block and the reads done at it.
  const chainHead = createChainHead({
    client,
    // Only a leader's own indexer status is live; other replicas reload index figures on a timer.
    indexedBlock: () => (leadership.isLeader() ? indexer.status().indexedBlock : undefined),
    pollIntervalMs: options.chainHeadPollIntervalMs,
    log,
  });
  // Intent changes reach subscribers on every replica (Redis when set), like index ticks.
  const intentUpdates = createIntentUpdates({
    chainId: manifest.chainId,
    redisUrl: options.redisUrl,
    channelPrefix: options.redisChannelPrefix,
    log,
  });
  // Follows reported transactions; only the indexer leader polls, any replica may check on a report.
  const watcher = startConfirmationWatcher({
    ...options.intentWatcher,
    prisma: database.prisma,
    client,
    chainId: manifest.chainId,
    chainHead,
    isLeader: leadership.isLeader,
    onChange: intentUpdates.publish,
    log,
  });
  const protection = createGatewayProtection(options.protection, { log });
  const host = options.host ?? "127.0.0.1";
  // Known once listening (port 0 picks one); read by resolvers, which only run after that.
  let listeningUrl = `http://${host}:${options.port}`;
  const signing = {
    get publicUrl() {
      return options.signing?.publicUrl ?? listeningUrl;
    },
    intentTtlMs: (options.signing?.intentTtlSeconds ?? 900) * 1000,
    serviceToken: options.signing?.serviceToken,
    publicRpcUrl: options.signing?.publicRpcUrl,
    publicChainName: options.signing?.publicChainName,
  };
  const yoga = createGatewayYoga(
    {
      prisma: database.prisma,
      client,
      manifest,
      indexerStatus: indexer.status,
      chainHead,
      events,
      signing,
      intents: { updates: intentUpdates, checkIntent: watcher.checkIntent },
    },
    { protection },
  );
  const server = createServer(yoga);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, host, resolve);
    });
  } catch (error) {
    await protection.close();
    await watcher.stop();
    await intentUpdates.close();
    chainHead.stop();
    await leadership.stop();
    await writer.close();
    await events.close();
    await bus.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${options.port} is already in use (another gateway or npm start?). Stop it or set PORT to a free port.`,
      );
    }
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  listeningUrl = `http://${host}:${port}`;
  return {
    url: listeningUrl,
    server,
    async stop() {
      // Subscriptions first: an open SSE stream would keep server.close() waiting forever.
      await events.close();
      await intentUpdates.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await protection.close();
      await watcher.stop();
      chainHead.stop();
      await leadership.stop();
      await writer.close();
      await bus.close();
    },
  };
}
