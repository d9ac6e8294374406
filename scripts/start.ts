import { build } from "./build.ts";
import { loadBots, startBots, wantedBots, withBotSecrets } from "./startBots.ts";

/**
 * `npm start`: the whole system on embedded defaults. Builds what needs building, then starts the
 * devnet (anvil, deployed and seeded, with live activity) and the database (PGlite unless
 * DATABASE_URL is set) side by side, then the gateway, and the Telegram and Discord bots when their
 * tokens are set; prints where everything is, and stops it all on Ctrl-C. A second Ctrl-C exits at once.
 */
type Stoppable = { stop(): Promise<void> };

const started = performance.now();
const shutdown = new AbortController();
const running: { bots: Stoppable[]; gateway?: Stoppable; devnet?: Stoppable; database?: Stoppable } = {
  bots: [],
};
let startup: Promise<void> = Promise.resolve();

/**
 * The bots first (they ask the gateway and drain their alert sends into the database), then the gateway
 * (it reads the chain and writes the database), then the devnet, then the database.
 */
async function stopAll() {
  for (const part of [...running.bots, running.gateway, running.devnet, running.database]) {
    await part?.stop().catch((error: Error) => console.error(error.message));
  }
}

/** A running part failed for good after start-up: stop the rest as on Ctrl-C, and exit 1. */
async function stopOnFatal(reason: string) {
  if (shutdown.signal.aborted) return; // already stopping
  shutdown.abort();
  console.error(`\nnpm start stopped: ${reason}`);
  await startup.catch(() => {});
  await stopAll();
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (shutdown.signal.aborted) process.exit(130);
    console.log(`\n${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping… (again to force)`);
    shutdown.abort();
    // Let a start in progress notice the abort and clean up what it started (anvil) first.
    await Promise.race([startup.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await stopAll();
    process.exit(0);
  });
}

async function main() {
  await build();
  // Imported after the build: @luma-pulse/db needs the generated Prisma client.
  const { createDbConfig, maskDatabaseUrl, openDatabase } = await import("@luma-pulse/db");
  const { createDevnetConfig, startDevnet } = await import("@luma-pulse/devnet");
  const { formatAmount, percentOf, SORA_MAX_SUPPLY } = await import("@luma-pulse/protocol");
  const { createGatewayConfig, startGateway } = await import("@luma-pulse/gateway");
  const { createLogger, createMetricsRegistry, createOpsConfig } = await import("@luma-pulse/ops");
  const bots = wantedBots(process.env);
  const env = withBotSecrets(process.env, bots);
  const devnetConfig = createDevnetConfig(env);
  const dbConfig = createDbConfig(env);
  const gatewayConfig = createGatewayConfig(env);
  const { logLevel } = createOpsConfig(env);
  // One process, one registry: the gateway's /metrics also shows the bots' series.
  const metrics = createMetricsRegistry("luma-pulse");
  const loggerOf = (service: string) => createLogger({ service, level: logLevel });
  const botModules = await loadBots(env, bots);
  // Both settle before we go on, so a failure of one never leaves the other half-started; a
  // database failure also cuts the devnet's seeding short, so it is reported within seconds.
  const databaseFailed = new AbortController();
  const [db, net] = await Promise.allSettled([
    openDatabase(dbConfig).then(
      (database) => {
        running.database = { stop: () => database.close() };
        return database;
      },
      (error: unknown) => {
        databaseFailed.abort();
        throw error;
      },
    ),
    startDevnet(devnetConfig, { signal: AbortSignal.any([shutdown.signal, databaseFailed.signal]) }).then(
      (devnet) => {
        running.devnet = devnet;
        return devnet;
      },
    ),
  ]);
  if (db.status === "rejected") throw db.reason;
  if (net.status === "rejected") throw net.reason;
  const [database, devnet] = [db.value, net.value];
  const { manifest } = devnet;
  const gateway = await startGateway({
    database,
    manifest,
    ...gatewayConfig,
    metrics,
    logger: loggerOf("gateway"),
  });
  running.gateway = gateway;
  const botLines = await startBots(botModules, {
    gatewayUrl: gateway.url,
    prisma: database.prisma,
    started: (bot) => running.bots.unshift(bot),
    onFatal: (reason) => void stopOnFatal(reason),
    metrics,
    logger: loggerOf,
  });
  const lines = [
    "",
    `luma-pulse is ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    `  chain     ${manifest.rpcUrl}  (chain id ${manifest.chainId})`,
    `  manifest  ${devnet.manifestPath}`,
    `  database  ${database.kind === "pglite" ? `embedded PGlite in ${dbConfig.pgliteDir}` : maskDatabaseUrl(database.url)}`,
    `  gateway   ${gateway.url}/graphql  (GraphiQL in a browser; ${gateway.url}/readyz once the index caught up)`,
    `  metrics   ${gateway.url}/metrics  (Prometheus; logs are JSON lines, LOG_LEVEL=${logLevel})`,
    ...botLines,
  ];
  if (devnet.origin.kind === "seeded") {
    const { soraBurned, soraUsdPrice, optionPositions, rebaseStakers, transactions } = devnet.origin.summary;
    const burned = formatAmount(soraBurned, 18, { maxFractionDigits: 3 });
    const price = formatAmount(soraUsdPrice, 6, { maxFractionDigits: 4 });
    lines.push(
      `  seeded    ${optionPositions} option positions, ${rebaseStakers} rebase stakers, ${transactions} transactions`,
      `  SORA      ${burned} burned (${percentOf(soraBurned, SORA_MAX_SUPPLY, 1)}%), $${price}`,
    );
  } else {
    lines.push("  state     reused from the previous run (LUMA_DEVNET_FRESH=1 starts over)");
  }
  lines.push(
    devnet.simulator
      ? "  activity  simulator running: an epoch every ~4 s, burns every few seconds"
      : "  activity  off",
    "Press Ctrl-C to stop.",
  );
  console.log(lines.join("\n"));
}

startup = main();
startup.catch(async (error: unknown) => {
  if (shutdown.signal.aborted) return; // the signal handler is stopping everything
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
