import pg from "pg";
import type { SqlWriter } from "./SqlWriter.ts";

/**
 * Writes through one dedicated node-pg connection to PostgreSQL, opened on first use and opened
 * again after it breaks (a database restart fails the chunk in flight; the indexer retries it).
 * Only the indexer writes through it, one chunk at a time.
 */
export function createPgSqlWriter(databaseUrl: string): SqlWriter {
  let connecting: Promise<pg.Client> | undefined;

  const connection = () => {
    connecting ??= (async () => {
      // Bounded: a stalled network must fail the chunk (the indexer retries), never hang the indexer.
      const client = new pg.Client({
        connectionString: databaseUrl,
        connectionTimeoutMillis: 10_000,
        query_timeout: 120_000,
        keepAlive: true,
      });
      client.on("error", () => {
        connecting = undefined; // broken: the next chunk opens a new one
      });
      try {
        await client.connect();
        return client;
      } catch (error) {
        connecting = undefined;
        throw error;
      }
    })();
    return connecting;
  };

  return {
    async transaction(statements) {
      const client = await connection();
      try {
        await client.query("BEGIN");
        const counts: number[] = [];
        for (const { sql, params } of statements)
          counts.push((await client.query(sql, params)).rowCount ?? 0);
        await client.query("COMMIT");
        return counts;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          connecting = undefined;
          void client.end().catch(() => undefined);
        });
        throw error;
      }
    },
    async close() {
      const current = connecting;
      connecting = undefined;
      await (await current?.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}
