import { createDbConfig, type Database, openDatabase, type PrismaClient } from "@luma-pulse/db";
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
import type { Registry } from "prom-client";

/** What a bot process hands its platform's `start…Bot`. */
export type BotProcessDeps<Config> = {
  config: Config;
  prisma: PrismaClient;
  redis?: Redis;
  log: (message: string, extra?: object) => void;
  logger: Logger;
  metrics: Registry;
  /** The platform refused the bot for good: `reason` (one line) turns /healthz 503, then exit 1. */
  onFatal: (reason: string) => void;
};

/** What differs between the Telegram and the Discord bot processes. */
export type BotProcessOptions<Config extends { redisUrl?: string }, Bot extends { stop(): Promise<void> }> = {
  /** The `service` of every log line and the metrics' label: "telegram", "discord". */
  service: string;
  /** Names the bot in the start failures: "The Telegram bot could not start: …". */
  displayName: string;
  /** OPS_PORT unless set: where /healthz, /readyz and /metrics are served. */
  defaultOpsPort: number;
  /** The platform's config from the environment; throws one line per bad variable. */
  readConfig: (env: NodeJS.ProcessEnv) => Config;
  startBot: (deps: BotProcessDeps<Config>) => Promise<Bot>;
  /** Logs that the bot is up (its name, mode, gateway and `opsUrl`). */
  announce: (running: { bot: Bot; config: Config; logger: Logger; opsUrl: string }) => void;
};

/**
 * Runs a chat bot as a process of its own. It needs a database of its own reach (DATABASE_URL: the
 * embedded PGlite serves one process) and shares send limits through REDIS_URL when set. Logs JSON
 * lines on stdout; serves /healthz, /readyz and /metrics on OPS_HOST:OPS_PORT. SIGTERM (or SIGINT):
 * /readyz turns 503, the bot stops taking updates and finishes those in hand, the alert sends in
 * flight finish and the rows claimed but not sent go back to the outbox, then Redis and the database
 * close, then the ops server, and the process exits 0 (1 when SHUTDOWN_TIMEOUT_MS passes first); a
 * signal during start-up drains what has started the same way. When the platform refuses the bot for
 * good (`onFatal`), /healthz turns 503 with the reason and the process stops as cleanly, within
 * SHUTDOWN_TIMEOUT_MS, then exits 1. Every failure to start is one fatal line per problem, exit 1.
 */
export async function runBotProcess<
  Config extends { redisUrl?: string },
  Bot extends { stop(): Promise<void> },
>(options: BotProcessOptions<Config, Bot>): Promise<void> {
  const { service } = options;
  // Until LOG_LEVEL is read, a start failure is still written, at the default level.
  let logger = createLogger({ service });
  const problems: string[] = [];
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      problems.push(...(error as Error).message.split("\n"));
      return undefined;
    }
  };
  const ops = read(() => createOpsConfig(process.env, { opsPort: options.defaultOpsPort }));
  if (ops) logger = createLogger({ service, level: ops.logLevel });
  const config = read(() => options.readConfig(process.env));
  if (!ops || !config) return failStart(logger, options.displayName, problems);
  await run(options, ops, config, logger).catch((error: unknown) =>
    failStart(
      logger,
      options.displayName,
      (error instanceof Error ? error.message : String(error)).split("\n"),
    ),
  );
}

/**
 * Installs the shutdown first, so that a signal during start-up drains too (the delivery worker sends
 * before the bot is up); then starts the ops server, the database, Redis and the bot, and waits for a
 * signal or a fatal refusal. A failed start closes what it opened and throws.
 */
async function run<Config extends { redisUrl?: string }, Bot extends { stop(): Promise<void> }>(
  options: BotProcessOptions<Config, Bot>,
  ops: OpsConfig,
  config: Config,
  logger: Logger,
) {
  let state: "starting" | "running" | "stopping" = "starting";
  let failure: string | undefined;
  const running: { opsServer?: OpsServer; database?: Database; redis?: Redis; bot?: Bot } = {};
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
  const registry = createMetricsRegistry(options.service);
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
    running.bot = await options.startBot({
      config,
      prisma: running.database.prisma,
      redis: running.redis,
      log: toLogFunction(logger),
      logger,
      metrics: registry,
      onFatal: (reason) => {
        failure = reason;
        shutdown.fail(reason);
      },
    });
    if (stopping()) return; // stop() stops the bot just started
    state = "running";
    options.announce({ bot: running.bot, config, logger, opsUrl: running.opsServer.url });
  };
  starting = start();
  await starting.catch(async (error: unknown) => {
    await closeConnections().catch(() => undefined);
    throw error;
  });
}

/** One fatal line per problem (a bad variable, an unreachable database), then exit 1. */
function failStart(logger: Logger, displayName: string, problems: string[]): never {
  for (const problem of problems) logger.fatal(`The ${displayName} could not start: ${problem}`);
  process.exit(1);
}
