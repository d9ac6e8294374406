import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { assertDatabaseReachable } from "./assertDatabaseReachable.ts";
import { assertSchemaCurrent } from "./assertSchemaCurrent.ts";
import type { DbConfig } from "./createDbConfig.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { migrateDatabase } from "./migrateDatabase.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "./startEmbeddedPostgres.ts";

/** An open, migrated database. Open one per process and share it; call `close()` on shutdown. */
export interface Database {
  prisma: PrismaClient;
  /**
   * The connection URL. May contain a password: log it through `maskDatabaseUrl`. On PGlite it is
   * the in-process socket, which serves this client's one connection (plus one spare): do not point
   * other pools at it.
   */
  url: string;
  /** `postgres`: the server at DATABASE_URL; `pglite`: the embedded database in the data folder. */
  kind: "postgres" | "pglite";
  /** Disconnects Prisma, then stops the embedded database if there is one. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the configured database: PostgreSQL at `config.databaseUrl`, or else the embedded PGlite
 * in `config.pgliteDir`, served on a free 127.0.0.1 port. Applies pending migrations (or, with
 * `config.migrate` false, refuses a schema that lacks some), then returns a PrismaClient on the `pg`
 * driver adapter. Setup failures reject with a one-line `DbError` (unreachable server, wrong
 * credentials, missing database, data folder in use, failed migration, schema behind).
 */
export async function openDatabase(config: DbConfig): Promise<Database> {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    await assertDatabaseReachable(url);
    if (config.migrate) await migrateDatabase(url);
    else await assertSchemaCurrent(url);
    // A bounded connect so that an outage later fails queries instead of queueing them forever.
    const prisma = await connectClient({ connectionString: url, connectionTimeoutMillis: 5_000 });
    return { prisma, url, kind: "postgres", close: once(() => prisma.$disconnect()) };
  }

  const embedded = await startEmbeddedPostgres(config.pgliteDir);
  let prisma: PrismaClient;
  try {
    await migrateDatabase(embedded.url);
    // One connection, kept open: PGlite runs one query at a time anyway, and a single long-lived
    // connection never races the socket server's connection limit (see EMBEDDED_MAX_CONNECTIONS).
    prisma = await connectClient({ connectionString: embedded.url, max: 1, idleTimeoutMillis: 0 });
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return {
    prisma,
    url: embedded.url,
    kind: "pglite",
    close: once(() => closeEmbedded(prisma, embedded)),
  };
}

/** Connecting now loads the query compiler, so the first request does not pay for it. */
async function connectClient(pool: pg.PoolConfig): Promise<PrismaClient> {
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  await prisma.$connect();
  return prisma;
}

async function closeEmbedded(prisma: PrismaClient, embedded: EmbeddedPostgres): Promise<void> {
  try {
    await prisma.$disconnect();
  } finally {
    await embedded.close();
  }
}

/** Memoizes `close`: shutdown paths (SIGTERM + a test's afterAll) may both call it. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= fn();
    return closing;
  };
}
