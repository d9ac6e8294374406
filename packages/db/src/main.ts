import { createLogger, createOpsConfig, type Logger } from "@luma-pulse/ops";
import { assertDatabaseReachable } from "./assertDatabaseReachable.ts";
import { createDbConfig } from "./createDbConfig.ts";
import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";
import { migrateDatabase } from "./migrateDatabase.ts";

/**
 * `npm run migrate`: applies the pending migrations to the PostgreSQL server at DATABASE_URL, then
 * exits 0; exits 1 with one log line saying what is wrong. The compose `migrate` service runs it once
 * before the services, which then start with DATABASE_MIGRATE=0 (check, never migrate), so that
 * replicas never race each other to change the schema. Imports the modules it needs directly, not the
 * package's index: that one loads the generated Prisma client, which migrating does not need.
 */
async function migrate(log: Logger): Promise<void> {
  const { databaseUrl } = createDbConfig(process.env);
  if (!databaseUrl) {
    throw new DbError(
      "invalid-config",
      "DATABASE_URL is not set: `npm run migrate` migrates a PostgreSQL server (the embedded database is migrated by the process that opens it).",
    );
  }
  const database = maskDatabaseUrl(databaseUrl);
  await assertDatabaseReachable(databaseUrl);
  const { applied } = await migrateDatabase(databaseUrl);
  if (applied.length === 0) log.info({ database }, "the database schema is up to date");
  else log.info({ database, applied }, `applied ${applied.length} migration(s)`);
}

let log: Logger;
try {
  log = createLogger({ service: "migrate", level: createOpsConfig(process.env).logLevel });
} catch (error) {
  // A bad LOG_LEVEL: there is no logger to say so with.
  console.error((error as Error).message);
  process.exit(1);
}
try {
  await migrate(log);
  process.exit(0);
} catch (error) {
  if (error instanceof DbError) log.fatal({ code: error.code }, error.message);
  else log.fatal({ err: error }, `migrating failed: ${(error as Error).message}`);
  process.exit(1);
}
