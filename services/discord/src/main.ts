import { createDbConfig, openDatabase } from "@luma-pulse/db";
import {
  createLogger,
  createMetricsRegistry,
  createOpsConfig,
  handleShutdownSignals,
  type Logger,
  type OpsConfig,
  type Readiness,
  startOpsServer,
  toLogFunction,
} from "@luma-pulse/ops";
import { Redis } from "ioredis";
import { createDiscordConfig, type DiscordConfig } from "./config.ts";
import { startDiscordBot } from "./startDiscordBot.ts";

/** OPS_PORT unless set: /healthz, /readyz and /metrics of the Discord bot. */
const DEFAULT_OPS_PORT = 9465;

/**
 * The Discord bot as a process of its own (`npm run discord`). It needs a database of its own reach
 * (DATABASE_URL: the embedded PGlite serves one process) and shares send limits through REDIS_URL
 * when set. Logs JSON lines on stdout; serves /healthz, /readyz and /metrics on OPS_PORT. SIGTERM (or
 * SIGINT): /readyz turns 503, no new commands are taken, those in hand are answered, the alert sends
 * in flight finish and the rows claimed but not sent go back to the outbox, then Redis and the
 * database close and the process exits 0 (1 when SHUTDOWN_TIMEOUT_MS passes first). Exits 1, stopped
 * as cleanly, when Discord ends the session for good. Every failure to start is one fatal line, exit 1.
 */
async function main() {
  // Until LOG_LEVEL is read, a start failure is still written, at the default level.
  let logger = createLogger({ service: "discord" });
  const problems: string[] = [];
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      problems.push(...(error as Error).message.split("\n"));
      return undefined;
    }
  };
  const ops = read(() => createOpsConfig(process.env, { opsPort: DEFAULT_OPS_PORT }));
  if (ops) logger = createLogger({ service: "discord", level: ops.logLevel });
  const config = read(() => createDiscordConfig(process.env));
  if (!ops || !config) return failStart(logger, problems);
  await run(ops, config, logger).catch((error: unknown) =>
    failStart(logger, (error instanceof Error ? error.message : String(error)).split("\n")),
  );
}

/** Starts the ops server, the database, Redis and the bot, then waits for a signal or a fatal refusal. */
async function run(ops: OpsConfig, config: DiscordConfig, logger: Logger) {
  let state: "starting" | "running" | "stopping" = "starting";
  let redis: Redis | undefined;
  const registry = createMetricsRegistry("discord");
  const readiness = (): Readiness => {
    const notReady: string[] = state === "running" ? [] : [state];
    if (redis && redis.status !== "ready") notReady.push(`redis ${redis.status}`);
    return { ready: notReady.length === 0, problems: notReady };
  };
  const opsServer = await startOpsServer({ port: ops.opsPort, registry, readiness });
  const database = await openDatabase(createDbConfig(process.env));
  redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
  const closeConnections = async () => {
    // quit() waits for a Redis that is away: nothing is pending for it then anyway.
    if (redis?.status === "ready") await redis.quit();
    else redis?.disconnect();
    await database.close();
  };
  let fatal = (_reason: string) => {};
  const fatalReason = new Promise<string>((resolve) => {
    fatal = resolve;
  });
  const bot = await startDiscordBot({
    config,
    prisma: database.prisma,
    redis,
    log: toLogFunction(logger),
    logger,
    metrics: registry,
    onFatal: (error) => fatal(`Discord ended the bot's session: ${error.message}`),
  }).catch(async (error) => {
    await closeConnections();
    throw error;
  });
  state = "running";
  logger.info(
    { tag: bot.tag, gatewayUrl: config.gatewayUrl, opsUrl: opsServer.url },
    `Discord bot ${bot.tag} is running; gateway ${config.gatewayUrl}.`,
  );

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      state = "stopping";
      await bot.stop();
      await closeConnections();
      await opsServer.stop();
    })();
    return stopped;
  };
  handleShutdownSignals({ stop, log: logger, timeoutMs: ops.shutdownTimeoutMs });
  void fatalReason.then(async (reason) => {
    logger.fatal(reason);
    await stop().catch((error: unknown) => logger.error({ err: error }, "stopping failed"));
    process.exit(1);
  });
}

/** One fatal line per problem (a bad variable, an unreachable database), then exit 1. */
function failStart(logger: Logger, problems: string[]): never {
  for (const problem of problems) logger.fatal(`The Discord bot could not start: ${problem}`);
  process.exit(1);
}

void main();
