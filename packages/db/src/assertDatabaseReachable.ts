import pg from "pg";
import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";

/** Long enough for a real server under load, short enough that a wrong URL fails fast. */
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * Connects once to `url` and runs `SELECT 1`, so that a wrong or unreachable `DATABASE_URL` fails
 * within seconds with one line saying what is wrong and how to fix it, instead of Prisma's first
 * query hanging or failing deep inside a request. Throws a {@link DbError}.
 */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A server that drops the connection later must not crash the process through an unhandled 'error'.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw describeConnectionError(url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Postgres error codes (SQLSTATE) that mean "the credentials are wrong". */
const AUTH_CODES = new Set(["28P01", "28000"]);

function describeConnectionError(url: string, error: unknown): DbError {
  const where = maskDatabaseUrl(url);
  const { code, message } = error as { code?: string; message?: string };
  const reason = code ?? (message?.includes("timeout") ? "timed out" : (message ?? String(error)));
  if (code && AUTH_CODES.has(code)) {
    return new DbError(
      "auth-failed",
      `The database at ${where} rejected the login (${code}: ${message}). Fix the user and password in DATABASE_URL.`,
      { cause: error },
    );
  }
  if (code === "3D000") {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    return new DbError(
      "database-missing",
      `The database "${name}" does not exist at ${where}. Create it (createdb ${name}) or fix the name in DATABASE_URL.`,
      { cause: error },
    );
  }
  return new DbError(
    "unreachable",
    `Cannot reach the database at ${where} (${reason}). Start PostgreSQL or unset DATABASE_URL to use the embedded database.`,
    { cause: error },
  );
}
