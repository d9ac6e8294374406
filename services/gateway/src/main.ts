import { createDbConfig, type Database, DbError, openDatabase } from "@luma-pulse/db";
import {
  createLogger,
  createOpsConfig,
  handleShutdownSignals,
  type Logger,
  toLogFunction,
} from "@luma-pulse/ops";
import { ManifestError } from "@luma-pulse/protocol";
import { ChainSetupError } from "./chainConfig/ChainSetupError.ts";
import { connectChain } from "./chainConfig/connectChain.ts";
import { createChainConfig } from "./chainConfig/createChainConfig.ts";
import { maskUrlsIn } from "./chainConfig/maskUrlsIn.ts";
import { createGatewayConfig } from "./config.ts";
import { createReplicaConfig } from "./createReplicaConfig.ts";
import { withMaskedErrors } from "./logging/withMaskedErrors.ts";
import { type RunningGateway, startGateway } from "./startGateway.ts";

/**
 * The gateway as a process of its own (`npm run gateway`), one replica among any number sharing a
 * PostgreSQL database and a Redis: reads every setting first (all bad variables reported at once),
 * checks the chain (RPC reachable, on CHAIN_ID, the deployment's contracts there), opens the
 * database, then serves; any failure before that is one line on stderr and exit code 1, with
 * nothing left running. SIGTERM drains (see `RunningGateway.stop`) and exits 0.
 */
async function main(): Promise<void> {
  const configs = readConfigs(process.env);
  const logger = withMaskedErrors(createLogger({ service: "gateway", level: configs.ops.logLevel }));
  const log = toLogFunction(logger);
  let running: { gateway?: RunningGateway; database?: Database } = {};
  let starting: Promise<unknown> = Promise.resolve();
  let stopping = false;
  handleShutdownSignals({
    log: logger,
    timeoutMs: configs.ops.shutdownTimeoutMs,
    stop: async () => {
      stopping = true;
      await starting.catch(() => undefined); // whatever start-up opened is closed below
      await running.gateway?.stop();
      await running.database?.close();
    },
  });

  const start = async () => {
    const chain = await connectChain(configs.chain, { log });
    const database = await openDatabase(configs.db);
    running = { database };
    if (stopping) return; // a signal during start-up: serve nothing, close the database
    if (database.kind === "pglite")
      logger.warn(
        "embedded PGlite database: it serves this one process; replicas need DATABASE_URL (PostgreSQL)",
      );
    const { gateway, replica } = configs;
    running.gateway = await startGateway({
      database,
      manifest: chain.manifest,
      chain: { transport: chain.transport, webSocketUrl: chain.webSocketUrl },
      port: gateway.port,
      host: replica.host,
      logger,
      protection: gateway.protection,
      redisUrl: gateway.redisUrl,
      redisChannelPrefix: replica.redisPrefix,
      signing: gateway.signing,
      indexerPollIntervalMs: gateway.indexerPollIntervalMs,
      indexerConfirmations: configs.chain.confirmations,
      indexerLockRetryMs: replica.indexerLockRetryMs,
    });
    logStarted(logger, running.gateway, chain, database, configs.chain.confirmations);
  };
  starting = start();
  await starting.catch(async (error: unknown) => {
    await running.database?.close().catch(() => undefined);
    throw error;
  });
}

function logStarted(
  logger: Logger,
  gateway: RunningGateway,
  chain: Awaited<ReturnType<typeof connectChain>>,
  database: Database,
  confirmations: number,
): void {
  logger.info(
    {
      url: gateway.url,
      chainId: chain.manifest.chainId,
      manifest: chain.manifestSource,
      rpcUrls: chain.rpcUrls,
      newHeads: chain.webSocketUrl ? "websocket" : "polling",
      confirmations,
      database: database.kind,
      leader: gateway.isLeader(),
    },
    "gateway listening",
  );
}

/** Every setting, with every bad variable reported at once rather than one per restart. */
function readConfigs(env: Record<string, string | undefined>) {
  const problems: string[] = [];
  const read = <R>(factory: (env: Record<string, string | undefined>) => R): R | undefined => {
    try {
      return factory(env);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const [ops, gateway, chain, replica, db] = [
    read(createOpsConfig),
    read(createGatewayConfig),
    read(createChainConfig),
    read(createReplicaConfig),
    read(createDbConfig),
  ];
  if (!ops || !gateway || !chain || !replica || !db) throw new Error(problems.join("\n"));
  return { ops, gateway, chain, replica, db };
}

/**
 * Expected start-up failures say what to fix in their message; anything else is a bug: its stack
 * helps. URLs are masked either way: an unexpected chain error's text names the RPC URL, key and all.
 */
function describeStartFailure(error: unknown): string {
  if (!(error instanceof Error)) return maskUrlsIn(String(error));
  const expected = [ChainSetupError, ManifestError, DbError, Error].some(
    (kind) => error.constructor === kind,
  );
  return maskUrlsIn(expected ? error.message : (error.stack ?? error.message));
}

main().catch((error: unknown) => {
  // One line an operator can act on (the errors above say what to fix, secrets masked).
  process.stderr.write(`The gateway could not start: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
