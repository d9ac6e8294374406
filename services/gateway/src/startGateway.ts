import { createServer, type Server } from "node:http";
import type { Database } from "@luma-pulse/db";
import { createMetricsRegistry, type Logger, toLogFunction } from "@luma-pulse/ops";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { Registry } from "prom-client";
import { createPublicClient, http, type PublicClient, type Transport } from "viem";
import { createChainHead } from "./chain/createChainHead.ts";
import type { SigningConfig } from "./config.ts";
import { createIndexBus } from "./events/createIndexBus.ts";
import { type EventFeedOptions, startEventFeed } from "./events/startEventFeed.ts";
import { createDatabaseCheck } from "./health/createDatabaseCheck.ts";
import type { ReplicaState } from "./healthRoutes.ts";
import { trackResponses } from "./http/trackResponses.ts";
import {
  createIndexer,
  createPgSqlWriter,
  createPrismaSqlWriter,
  leadIndexer,
  webSocketUrlOf,
} from "./indexer/index.ts";
import { watchStandbyIndexStatus } from "./indexer/watchStandbyIndexStatus.ts";
import { startConfirmationWatcher } from "./intents/confirmationWatcher.ts";
import { createIntentUpdates } from "./intents/intentUpdates.ts";
import { createGatewayMetrics } from "./metrics/createGatewayMetrics.ts";
import { createGatewayProtection } from "./protection/createGatewayProtection.ts";
import type { ProtectionConfig } from "./protection/createProtectionConfig.ts";
import { createGatewayYoga } from "./yoga.ts";

export type RunningGateway = {
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  server: Server;
  /** The registry served at `/metrics` (the one given, or the gateway's own). */
  metrics: Registry;
  /** Whether this replica holds the indexer lock (always, on PGlite). */
  isLeader(): boolean;
  /**
   * Drains, then stops: no new connection is accepted and every answer closes its connection; the
   * indexer lock is released at once (another replica takes over the indexing while this one
   * drains); subscriptions end (clients resume elsewhere from their last event id); requests in
   * flight finish; then the rest closes.
   */
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
  /** JSON logs (pino): the components' messages, and yoga's masked errors with their request id. */
  logger?: Logger;
  /** The process's registry (`npm start` shares one); default: a new one, `createMetricsRegistry("gateway")`. */
  metrics?: Registry;
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
  /** Prefix of the Redis channels and keys (REDIS_PREFIX), for several deployments (or test runs) on one Redis. */
  redisChannelPrefix?: string;
  /** Signing links (`createGatewayConfig(env).signing`); defaults: PUBLIC_URL = this server's URL, 15 min. */
  signing?: SigningConfig;
  /** Tuning of the subscription feed (tests: a tiny queue, page size, or no safety poll). */
  subscriptions?: Pick<EventFeedOptions, "queueCapacity" | "safetyPollMs" | "pageSize">;
  /**
   * The chain's RPC transport (fallbacks included) and new-heads WebSocket URL, as `connectChain`
   * gives them. Default: batched http to `manifest.rpcUrl`, WebSocket on its host and port (anvil).
   */
  chain?: { transport: Transport; webSocketUrl: string | undefined };
  /** INDEXER_CONFIRMATIONS: blocks the indexer stays behind the head. Default 0. */
  indexerConfirmations?: number;
  /** INDEXER_LOCK_RETRY_MS: how often a standby replica tries to take the indexer lock. Default 5 s. */
  indexerLockRetryMs?: number;
  /** Tuning of the signing-intent confirmation watcher (tests: a short bound for never-seen hashes). */
  intentWatcher?: { pollIntervalMs?: number; idleRecheckMs?: number; notSeenTimeoutMs?: number };
}): Promise<RunningGateway> {
  const { database, manifest } = options;
  const log = options.log ?? (options.logger ? toLogFunction(options.logger) : console.log);
  // Batched JSON-RPC: the indexer fetches block headers in parallel slices.
  const transport = options.chain?.transport ?? http(manifest.rpcUrl, { batch: true });
  const client = createPublicClient({ transport }) as PublicClient;
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
    webSocketUrl: options.chain ? options.chain.webSocketUrl : webSocketUrlOf(manifest.rpcUrl),
    confirmations: options.indexerConfirmations,
  });
  const leadership = leadIndexer({
    indexer: {
      start: () => {
        log("indexer: this replica holds the indexer lock and indexes the chain");
        indexer.start();
      },
      stop: indexer.stop,
    },
    databaseUrl: database.kind === "postgres" ? database.url : undefined,
    chainId: manifest.chainId,
    retryMs: options.indexerLockRetryMs,
    log,
  });
  // A standby's status is the leader's progress (its cursor in the database) against this
  // replica's head: else /readyz would keep every replica but the leader out of the balancer.
  const standby = watchStandbyIndexStatus({
    prisma: database.prisma,
    chainId: manifest.chainId,
    startBlock: manifest.startBlock,
    confirmations: options.indexerConfirmations,
    head: () => chainHead.fresh()?.block.number, // read once serving, when chainHead is there
    active: () => !leadership.isLeader(),
  });
  const indexerStatus = () => (leadership.isLeader() ? indexer.status() : standby.status());
  const metrics = createGatewayMetrics(options.metrics ?? createMetricsRegistry("gateway"), {
    indexerStatus,
    isLeader: leadership.isLeader,
  });
  // One head per replica: requests share its block and the reads done at it.
  const chainHead = createChainHead({
    client,
    // Only a leader's own indexer status is live; other replicas reload index figures on a timer.
    // With confirmations the index never holds the head itself: it is complete for a head once it
    // holds head - confirmations, and index figures are reloaded then.
    indexedBlock: () => {
      const indexed = leadership.isLeader() ? indexer.status().indexedBlock : undefined;
      return indexed === undefined ? undefined : indexed + BigInt(options.indexerConfirmations ?? 0);
    },
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
  const protection = createGatewayProtection(options.protection, {
    log,
    onRateLimited: (by) => metrics.rateLimited.inc({ by }),
    redisPrefix: options.redisChannelPrefix,
  });
  const host = options.host ?? "127.0.0.1";
  // Bound to every interface (a container): this machine reaches it on the loopback address.
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  // Known once listening (port 0 picks one); read by resolvers, which only run after that.
  let listeningUrl = `http://${urlHost}:${options.port}`;
  const signing = {
    get publicUrl() {
      return options.signing?.publicUrl ?? listeningUrl;
    },
    intentTtlMs: (options.signing?.intentTtlSeconds ?? 900) * 1000,
    serviceToken: options.signing?.serviceToken,
    publicRpcUrl: options.signing?.publicRpcUrl,
    publicChainName: options.signing?.publicChainName,
  };
  let draining = false;
  const databaseAnswers = createDatabaseCheck(database.prisma);
  const replica: ReplicaState = {
    isLeader: leadership.isLeader,
    isDraining: () => draining,
    async dependencyProblems() {
      const redis = bus.redisStatus();
      return [
        ...((await databaseAnswers()) ? [] : ["database not answering"]),
        ...(redis === undefined || redis === "ready" ? [] : [`redis ${redis}`]),
      ];
    },
  };
  // `replica` rides along for healthRoutes (/readyz `leader` and `draining`); resolvers ignore it.
  const context = {
    prisma: database.prisma,
    client,
    manifest,
    indexerStatus,
    chainHead,
    events,
    signing,
    intents: { updates: intentUpdates, checkIntent: watcher.checkIntent },
    replica,
  };
  const yoga = createGatewayYoga(context, { protection, metrics, logger: options.logger });
  const server = createServer(yoga);
  // Node closes a keep-alive connection idle for 5 s, nginx reuses its upstream connections for up
  // to 60 s: nginx could send a request on a socket Node is closing, a random 502 (and a POST is not
  // retried). Node must be the one to outlast the proxy; headers must be allowed a bit longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const responses = trackResponses(server);
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
    standby.stop();
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
  listeningUrl = `http://${urlHost}:${port}`;
  return {
    url: listeningUrl,
    server,
    metrics: metrics.registry,
    isLeader: leadership.isLeader,
    async stop() {
      // /readyz says 503 from now on (on connections still open). New connections are refused at
      // once, so a proxy moves on to another replica, and keep-alive ones close after their answer.
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      responses.closeConnectionsAfterAnswer();
      // The indexer serves no request: its lock is released as soon as it stops, so another replica
      // indexes meanwhile. Not awaited yet: a chunk waiting on a slow RPC must not hold up the rest.
      const indexing = leadership.stop().then(() => writer.close());
      indexing.catch(() => undefined); // awaited below; this only keeps the rejection "handled" until then
      // Subscriptions next: an open SSE stream would keep the drain waiting forever.
      await events.close();
      await intentUpdates.close();
      await responses.settled();
      await closed;
      await indexing;
      await protection.close();
      await watcher.stop();
      chainHead.stop();
      standby.stop();
      await bus.close();
    },
  };
}
