import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

/**
 * Works around prisma/orm#27403: the schema engine's catalog queries return `name` columns (OID 19),
 * which the pg adapter cannot deserialize ("Column type 'name' could not be deserialized").
 * pg already parses them as strings, so relabelling the column as `text` (OID 25) is enough.
 */
class NameAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: forwards every overload of pg.Pool#query untouched
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: same as above
    const result = (super.query as (...a: any[]) => any)(...args);
    return result instanceof Promise ? result.then(nameColumnsAsText) : result;
  }
}

function nameColumnsAsText<T>(result: T): T {
  const results = Array.isArray(result) ? result : [result];
  for (const { fields } of results as { fields?: { dataTypeID: number }[] }[]) {
    for (const field of fields ?? []) {
      if (field.dataTypeID === 19) field.dataTypeID = 25;
    }
  }
  return result;
}

/**
 * The Prisma CLI's configuration. `engine: "js"` + `adapter` make `migrate deploy` / `migrate diff`
 * run the WebAssembly schema engine through `pg`, because the native engines cannot be downloaded
 * offline (shared/ENVIRONMENT.md). packages/db's `migrateDatabase` runs the CLI with this file and
 * DATABASE_URL set (to the embedded PGlite socket when no database is configured).
 */
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    // Every command that takes this adapter connects, even `migrate diff --from-empty`.
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set: the Prisma CLI needs a PostgreSQL URL (PGlite's socket works too).",
      );
    }
    const pool = new NameAsTextPool({
      connectionString,
      // One connection: the embedded PGlite socket server is one backend and keeps clients to one
      // connection each (EMBEDDED_MAX_CONNECTIONS in packages/db), and migrations run serially anyway.
      max: 1,
      connectionTimeoutMillis: 5_000,
      // Without it the CLI waits for the idle connection to time out (10 s) before it exits.
      allowExitOnIdle: true,
    });
    return new PrismaPg(pool);
  },
});
