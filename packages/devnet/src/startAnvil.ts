import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import getPort from "get-port";
import { anvilArguments } from "./anvilArguments.ts";
import { anvilBinaryPath } from "./anvilBinaryPath.ts";
import { assertPortFree } from "./assertPortFree.ts";
import { promoteStateDump, stateDumpPath } from "./chainStateFile.ts";
import { DevnetError } from "./DevnetError.ts";
import { hostUnavailableError } from "./hostUnavailableError.ts";
import { portInUseError } from "./portInUseError.ts";
import { stopOnExit } from "./stopOnExit.ts";
import { waitForChainId } from "./waitForChainId.ts";

/** Options of {@link startAnvil}; anything left out keeps anvil's default. */
export interface StartAnvilOptions {
  /** Port to listen on. Default: a free one. A taken port fails with `port_in_use`. */
  port?: number;
  /** Interface to listen on. Default: 127.0.0.1. */
  host?: string;
  /** Default: 31337. */
  chainId?: number;
  /** Genesis block timestamp in Unix seconds, e.g. the protocol's launch date. Default: now. */
  timestamp?: bigint;
  /** Number of dev accounts. Default: 10. */
  accounts?: number;
  /** Balance of every dev account, in ether. Default: 10,000. */
  balanceEth?: number;
  /** Default: {@link anvilDefaultMnemonic}. */
  mnemonic?: string;
  /** Seconds between blocks (interval mining). Default: a block per transaction (automine). */
  blockTime?: number;
  /**
   * Chain state file: loaded at start when present; anvil's dumps (on exit and every 30 s) replace
   * it only once complete (see chainStateFile.ts), so a second start continues the same chain.
   */
  stateFile?: string;
  /** Keep anvil's logs out of the console. Default: true; false shows them on this process's stdio. */
  silent?: boolean;
}

/** A running anvil. */
export interface AnvilInstance {
  /** JSON-RPC endpoint, e.g. http://127.0.0.1:8545. */
  rpcUrl: string;
  port: number;
  chainId: number;
  pid: number;
  /** Stops anvil: SIGTERM, then SIGKILL after 3 s. Safe to call more than once. */
  stop(): Promise<void>;
}

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_CHAIN_ID = 31337;
const READY_TIMEOUT_MS = 15_000;
/** Loading a long-lived devnet's state (tens of MB of JSON) takes longer than a bare start. */
const READY_TIMEOUT_WITH_STATE_MS = 60_000;
const POLL_INTERVAL_MS = 20;
const KILL_AFTER_MS = 3_000;
/** Writing a large state file on exit takes a while: never kill anvil in the middle of it. */
const KILL_AFTER_MS_WITH_STATE = 60_000;
/** A free port picked by us can be taken by another process before anvil binds it: retry then. */
const FREE_PORT_ATTEMPTS = 3;
const STDERR_TAIL_BYTES = 2_000;

/**
 * Starts a local anvil chain from the binary in the `@foundry-rs/anvil-<platform>` npm package
 * and resolves once it answers `eth_chainId`. The child never outlives this process on a normal
 * exit; call `stop()` when done.
 *
 * @throws {DevnetError} `port_in_use` (one line saying what to do), `host_unavailable`, `unsupported_platform`,
 *   `anvil_not_installed`, or `anvil_failed` (anvil exited or did not answer within 15 s; the
 *   message ends with the tail of its stderr)
 * @example
 * const anvil = await startAnvil({ chainId: 31337, timestamp: 1765670400n });
 * // … anvil.rpcUrl …
 * await anvil.stop();
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilInstance> {
  const binary = anvilBinaryPath();
  if (options.stateFile !== undefined) await promoteStateDump(options.stateFile);
  const host = options.host ?? DEFAULT_HOST;
  if (options.port !== undefined) {
    await assertPortFree(options.port, host);
    return launch(binary, options.port, host, options);
  }
  for (let attempt = 1; ; attempt++) {
    const port = await getPort({ host }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRNOTAVAIL" ? hostUnavailableError(host, error) : error;
    });
    try {
      return await launch(binary, port, host, options);
    } catch (error) {
      const lostRace = error instanceof DevnetError && error.code === "port_in_use";
      if (!lostRace || attempt >= FREE_PORT_ATTEMPTS) throw error;
    }
  }
}

async function launch(binary: string, port: number, host: string, options: StartAnvilOptions) {
  const silent = options.silent !== false;
  const { stateFile } = options;
  const stateFlags = stateFile
    ? { loadState: existsSync(stateFile) ? stateFile : undefined, dumpState: stateDumpPath(stateFile) }
    : {};
  const child = spawn(binary, anvilArguments({ ...options, ...stateFlags, port, host }), {
    stdio: ["ignore", silent ? "ignore" : "inherit", "pipe"],
    windowsHide: true,
  });
  const forget = stopOnExit(child);
  const stderr = collectTail(child, silent);
  let spawnError: Error | undefined;
  let closed = false; // 'close', not 'exit': by then all of stderr has been read
  const gone = new AbortController();
  child.once("close", () => {
    closed = true;
    forget();
    gone.abort();
  });
  child.on("error", (error) => {
    spawnError ??= error; // the spawn failure; later ones (a failed kill) change nothing
    forget();
    gone.abort();
  });

  const rpcUrl = `http://${urlHost(host)}:${port}`;
  const chainId = await waitForChainId(rpcUrl, {
    timeoutMs: stateFile ? READY_TIMEOUT_WITH_STATE_MS : READY_TIMEOUT_MS,
    intervalMs: POLL_INTERVAL_MS,
    signal: gone.signal,
  });
  const expectedChainId = options.chainId ?? DEFAULT_CHAIN_ID;
  if (chainId === expectedChainId && !closed && child.pid !== undefined) {
    const stop = async () => {
      await stopChild(child, stateFile ? KILL_AFTER_MS_WITH_STATE : KILL_AFTER_MS);
      if (stateFile) await promoteStateDump(stateFile);
    };
    return { rpcUrl, port, chainId, pid: child.pid, stop: onlyOnce(stop) };
  }

  // Read before stopping it ourselves: a timed-out anvil must not be reported as "exited".
  const exit = closed ? (child.signalCode ?? `code ${child.exitCode}`) : undefined;
  await stopChild(child);
  throw launchFailure({ binary, rpcUrl, port, exit, chainId, spawnError, stderr: stderr() });
}

/** Why anvil did not come up, in one line: a taken port, a failed spawn, or anvil's own words. */
function launchFailure(failure: {
  binary: string;
  rpcUrl: string;
  port: number;
  /** How anvil ended by itself ("code 1", "SIGSEGV"), if it did. */
  exit: string | undefined;
  chainId: number | undefined;
  spawnError: Error | undefined;
  stderr: string;
}): DevnetError {
  const { binary, rpcUrl, port, exit, chainId, spawnError, stderr } = failure;
  // Another chain id answering means another node got the port first.
  if (/address already in use/i.test(stderr) || chainId !== undefined) return portInUseError(port);
  if (spawnError) {
    return new DevnetError("anvil_failed", `Cannot run anvil at ${binary}: ${spawnError.message}`, {
      cause: spawnError,
    });
  }
  const why = exit
    ? `anvil exited (${exit}) before it answered on ${rpcUrl}`
    : `anvil did not answer on ${rpcUrl} within ${READY_TIMEOUT_MS / 1000} s`;
  const tail = oneLine(stderr);
  return new DevnetError("anvil_failed", tail === "" ? `${why}.` : `${why}: ${tail}`);
}

/** Keeps the end of anvil's stderr for error messages; shows it live unless silent. */
function collectTail(child: ChildProcess, silent: boolean): () => string {
  let tail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    if (!silent) process.stderr.write(chunk);
    tail = (tail + chunk).slice(-STDERR_TAIL_BYTES);
  });
  return () => tail;
}

async function stopChild(child: ChildProcess, killAfterMs = KILL_AFTER_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exit = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  try {
    await exit;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `action` once; later calls get the same promise. */
function onlyOnce(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => {
    result ??= action();
    return result;
  };
}

function oneLine(text: string): string {
  return text.trim().replaceAll(/\s*\n\s*/g, " | ");
}

/** An address anvil listens on, as a client reaches it: wildcards become loopback, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
