import {
  createLogger,
  createOpsConfig,
  handleShutdownSignals,
  type Logger,
  toLogFunction,
} from "@luma-pulse/ops";
import { createDevnetConfig } from "./devnetConfig.ts";
import { type RunningDevnet, startDevnet } from "./startDevnet.ts";

/** How often we check that anvil still runs: a devnet without its chain must exit so it is restarted. */
const ANVIL_WATCH_INTERVAL_MS = 2_000;

/**
 * `npm run devnet`: the local chain as a long-running process of its own (the compose `devnet`
 * service): anvil, deployed and seeded (or reused from LUMA_DATA_DIR), with the activity simulator.
 * The manifest it writes names DEVNET_RPC_URL when set, so other containers can use it. SIGTERM stops
 * the simulator and anvil (which saves the chain for the next start) and exits 0; anvil dying on its
 * own exits 1, so that the container is restarted.
 */
async function main(log: Logger, shutdownTimeoutMs: number): Promise<void> {
  const config = createDevnetConfig(process.env);
  const shutdown = new AbortController();
  let devnet: RunningDevnet | undefined;
  let watch: NodeJS.Timeout | undefined;
  const starting = startDevnet(config, { log: toLogFunction(log), signal: shutdown.signal });
  handleShutdownSignals({
    log,
    timeoutMs: shutdownTimeoutMs,
    async stop() {
      clearInterval(watch);
      shutdown.abort();
      // A start in progress notices the abort and stops the anvil it started.
      await starting.catch(() => {});
      await devnet?.stop();
    },
  });
  try {
    devnet = await starting;
  } catch (error) {
    if (shutdown.signal.aborted) return; // stopping: the signal handler exits
    throw error;
  }
  const { anvil, manifest, manifestPath, origin } = devnet;
  log.info(
    {
      port: anvil.port,
      rpcUrl: manifest.rpcUrl,
      chainId: manifest.chainId,
      manifest: manifestPath,
      origin: origin.kind,
    },
    `devnet ready: anvil on ${config.host}:${anvil.port}, ${origin.kind === "seeded" ? "deployed and seeded" : "state reused"}`,
  );
  watch = setInterval(() => {
    if (isRunning(anvil.pid)) return;
    log.fatal({ pid: anvil.pid }, "anvil exited unexpectedly: stopping the devnet");
    process.exit(1);
  }, ANVIL_WATCH_INTERVAL_MS);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let log: Logger;
let shutdownTimeoutMs: number;
try {
  const ops = createOpsConfig(process.env);
  log = createLogger({ service: "devnet", level: ops.logLevel });
  shutdownTimeoutMs = ops.shutdownTimeoutMs;
} catch (error) {
  // A bad LOG_LEVEL or SHUTDOWN_TIMEOUT_MS: there is no logger to say so with.
  console.error((error as Error).message);
  process.exit(1);
}
main(log, shutdownTimeoutMs).catch((error: unknown) => {
  log.fatal(`the devnet could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
