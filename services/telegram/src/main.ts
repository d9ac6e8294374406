import { createDbConfig, type Database, openDatabase } from "@luma-pulse/db";
import {
  createLogger,
  createMetricsRegistry,
  createOpsConfig,
  handleShutdownSignals,
  type Logger,
  type OpsConfig,
  type OpsServer,
  type Readiness,
  startOpsServer,
  toLogFunction,
} from "@luma-pulse/ops";
import { Redis } from "ioredis";
import { createTelegramConfig, type TelegramConfig } from "./config.ts";
import { type RunningTelegramBot, startTelegramBot } from "./startTelegramBot.ts";

/** OPS_PORT unless set: /healthz, /readyz and /metrics of the Telegram bot. */
const DEFAULT_OPS_PORT = 9464;

/**
 * The Telegram bot as a process of its own (`npm run telegram`; `npm start` runs it in-process with
 * the gateway instead). It needs a database of its own reach: DATABASE_URL, since the embedded
 * PGlite serves one process. Logs JSON lines on stdout; serves /healthz, /readyz and /metrics on
 * OPS_HOST:OPS_PORT. SIGTERM (or SIGINT): /readyz turns 503, no new updates are taken, those being
 * handled finish, the alert sends in flight finish and the rows claimed but not sent go back to the outbox,
 * then Redis and the database close and the process exits 0 (1 when SHUTDOWN_TIMEOUT_MS passes
 * first); a signal during start-up drains what has started the same way. When Telegram refuses long
 * polling for good (another process polls with the token, or it was revoked), /healthz turns 503 and
 * the process stops as cleanly, within SHUTDOWN_TIMEOUT_MS, then exits 1. Every failure to start is
 * one fatal line, exit 1.
 */
async function main() {
  // Until LOG_LEVEL is read, a start failure is still written, at the default level.
  let logger = createLogger({ service: "telegram" });
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
  if (ops) logger = createLogger({ service: "telegram", level: ops.logLevel });
  const config = read(() => createTelegramConfig(process.env));
  if (!ops || !config) return failStart(logger, problems);
  await run(ops, config, logger).catch((error: unknown) =>
    failStart(logger, (error instanceof Error ? error.message : String(error)).split("\n")),
  );
}

/**
 * Installs the shutdown first, so that a signal during start-up drains too (the delivery worker sends
 * before the bot is up); then starts the ops server, the database, Redis and the bot, and waits for a
 * signal or a fatal refusal. A failed start closes what it opened and throws.
 */
async function run(ops: OpsConfig, config: TelegramConfig, logger: Logger) {
  let state: "starting" | "running" | "stopping" = "starting";
  let failure: string | undefined;
  const running: { opsServer?: OpsServer; database?: Database; redis?: Redis; bot?: RunningTelegramBot } = {};
  let starting: Promise<unknown> = Promise.resolve();
  let closed: Promise<void> | undefined;
  const closeConnections = () => {
    closed ??= (async () => {
      const { redis, database } = running;
      // quit() waits for a Redis that is away: nothing is pending for it then anyway.
      if (redis?.status === "ready") await redis.quit();
      else redis?.disconnect();
      await database?.close();
    })();
    return closed;
  };
  const shutdown = handleShutdownSignals({
    log: logger,
    timeoutMs: ops.shutdownTimeoutMs,
    stop: async () => {
      state = "stopping";
      await starting.catch(() => undefined); // whatever start-up opened is stopped below
      await running.bot?.stop();
      await closeConnections();
      await running.opsServer?.stop();
    },
  });

  // A call, not a comparison: TypeScript would keep `state` narrowed across the awaits in start().
  const stopping = () => state === "stopping";
  const registry = createMetricsRegistry("telegram");
  const readiness = (): Readiness => {
    const notReady: string[] = state === "running" ? [] : [state];
    const { redis } = running;
    if (redis && redis.status !== "ready") notReady.push(`redis ${redis.status}`);
    return { ready: notReady.length === 0, problems: notReady };
  };
  const start = async () => {
    running.opsServer = await startOpsServer({
      port: ops.opsPort,
      host: ops.opsHost,
      registry,
      readiness,
      failure: () => failure,
    });
    running.database = await openDatabase(createDbConfig(process.env));
    running.redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
    if (stopping()) return; // a signal during start-up: start no bot
    running.bot = await startTelegramBot({
      config,
      prisma: running.database.prisma,
      redis: running.redis,
      log: toLogFunction(logger),
      logger,
      metrics: registry,
      onFatal: (_error, reason) => {
        failure = reason;
        shutdown.fail(reason);
      },
    });
    if (stopping()) return; // stop() stops the bot just started
    state = "running";
    const { bot, opsServer } = running;
    const mode = config.webhook ? `webhook ${config.webhook.url} (port ${bot.webhookPort})` : "long polling";
    logger.info(
      { username: bot.username, mode, gatewayUrl: config.gatewayUrl, opsUrl: opsServer.url },
      `Telegram bot @${bot.username} is running (${mode}); gateway ${config.gatewayUrl}.`,
    );
  };
  starting = start();
  await starting.catch(async (error: unknown) => {
    await closeConnections().catch(() => undefined);
    throw error;
  });
}

/** One fatal line per problem (a bad variable, an unreachable database), then exit 1. */
function failStart(logger: Logger, problems: string[]): never {
  for (const problem of problems) logger.fatal(`The Telegram bot could not start: ${problem}`);
  process.exit(1);
}

void main();
