import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockDataDir } from "./lockDataDir.ts";

/** A PGlite database served over the Postgres wire protocol on 127.0.0.1. */
export interface EmbeddedPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (no password: PGlite does not check one). */
  url: string;
  /** Stops the socket server, closes PGlite (flushing it to disk) and releases the folder's lock. */
  close(): Promise<void>;
}

/**
 * How many client connections the socket server accepts at once; clients use one (see below).
 *
 * @electric-sql/pglite-socket 0.2.17 defaults to `maxConnections: 1` and rejects any further
 * connection by writing "Too many connections" and hanging up (pg reports "Connection terminated
 * unexpectedly"). It can serve more, but PGlite is one single-threaded backend: all connections
 * feed one queue, interleaved per protocol message, and only an explicit transaction pins the queue
 * to one connection. Nothing would run faster with more, and an extended-protocol query whose
 * messages arrive in two TCP chunks could interleave with another client's (the source allows it;
 * our load test did not trigger it). So every client here uses one connection (pg pool `max: 1`:
 * the migration CLI in prisma.config.ts, then openDatabase's pool), and the one spare slot only
 * covers a reconnect that overlaps the server's teardown of the previous socket.
 */
export const EMBEDDED_MAX_CONNECTIONS = 2;

/**
 * Opens (creating it on first use: ~5 s of initdb) the PGlite database in `pgliteDir` and serves it
 * on a free port, so that `PrismaPg` and `prisma migrate deploy` work against it as against any
 * PostgreSQL. The folder is locked for this process (`<pgliteDir>.lock`).
 *
 * Chosen over `pglite-prisma-adapter` (ENVIRONMENT.md's other verified way) because the client and
 * the migrations then take the exact production path (pg, `migrate deploy`); the socket's overhead
 * is local TCP: a parameterized count measured 0.57 ms through the socket, 0.53 ms on PGlite directly.
 */
export async function startEmbeddedPostgres(pgliteDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dirname(pgliteDir), { recursive: true });
  const release = lockDataDir(`${pgliteDir}.lock`, pgliteDir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(pgliteDir);
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: 0,
      maxConnections: EMBEDDED_MAX_CONNECTIONS,
    });
    await server.start();
    const pglite = db;
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres`,
      async close() {
        try {
          await server.stop();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}
