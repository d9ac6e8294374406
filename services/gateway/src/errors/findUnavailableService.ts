/** The dependency a failure says is out of reach. */
export type UnavailableService = "chain" | "database";

// viem's transport failures: the RPC did not answer (refused, reset, timed out) or is overloaded.
const CHAIN_ERROR_NAMES = new Set([
  "HttpRequestError",
  "TimeoutError",
  "WebSocketRequestError",
  "SocketClosedError",
  "LimitExceededRpcError",
  "ResourceUnavailableRpcError",
]);
// Prisma's codes for "cannot reach / lost / timed out / too many connections" (P1xxx, P2024, P2037).
const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// The same, as the pg driver adapter names them before Prisma maps them.
const ADAPTER_CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// node-postgres / pg-pool wording for a connection lost or never made.
const PG_CONNECTION_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed/i;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);

type Failure = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: unknown;
};

/**
 * `error` and everything it wraps (`originalError`, `cause`, and Prisma's `meta.driverAdapterError`:
 * a failed raw query, P2010 "Raw query failed", carries the adapter's error only there), outermost
 * first.
 */
function causeChain(error: unknown): Failure[] {
  const chain: Failure[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && chain.length < 16) {
    const next = pending.shift();
    if (typeof next !== "object" || next === null || chain.includes(next as Failure)) continue;
    const failure = next as Failure;
    chain.push(failure);
    const meta = failure.meta as { driverAdapterError?: unknown } | null | undefined;
    pending.push(failure.originalError, failure.cause, meta?.driverAdapterError);
  }
  return chain;
}

function isChainFailure(failure: Failure): boolean {
  if (typeof failure.name === "string" && CHAIN_ERROR_NAMES.has(failure.name)) return true;
  // undici's own wording when fetch cannot connect; the gateway's only fetch is to the RPC.
  return failure instanceof TypeError && failure.message === "fetch failed";
}

function isDatabaseFailure(failure: Failure): boolean {
  const { name, code, message } = failure;
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && PRISMA_CONNECTION_CODES.has(code)) return true;
  if (typeof code === "string" && /^(08|57P)/.test(code)) return true; // connection exception, shutdown
  const kind = (failure.cause as { kind?: unknown } | undefined)?.kind;
  if (name === "DriverAdapterError" && typeof kind === "string" && ADAPTER_CONNECTION_KINDS.has(kind)) {
    return true;
  }
  return typeof message === "string" && PG_CONNECTION_MESSAGE.test(message);
}

/**
 * Which dependency `error` says is unreachable — the chain's RPC or the database — or `undefined`
 * for any other failure (a bug). Looks through the whole cause chain, since viem and Prisma wrap
 * the transport's error (a contract call failing because its HTTP request did). A bare socket
 * error that is not the RPC's is the database's: those are the gateway's only two connections.
 */
export function findUnavailableService(error: unknown): UnavailableService | undefined {
  const chain = causeChain(error);
  if (chain.some(isChainFailure)) return "chain";
  if (chain.some(isDatabaseFailure)) return "database";
  if (chain.some((failure) => typeof failure.code === "string" && SOCKET_CODES.has(failure.code))) {
    return "database";
  }
  return undefined;
}
