import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";
import { projectPaths } from "./projectPaths.ts";
import { runPrismaCli, summarizePrismaError } from "./runPrismaCli.ts";

/** The migrations that `migrateDatabase` applied (empty when the database was up to date). */
export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the pending migrations of prisma/migrations to the database at `url` with
 * `prisma migrate deploy` (through prisma.config.ts, offline). Returns at once, without starting
 * the CLI (~1.5 s), when `_prisma_migrations` already records every migration folder as finished.
 * Throws a `migration-failed` {@link DbError} with the CLI's error on one line.
 */
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  const paths = projectPaths();
  const pending = await pendingMigrations(url, paths.migrations);
  if (pending.length === 0) return { applied: [] };

  const result = await runPrismaCli(["migrate", "deploy", "--config", paths.config], { DATABASE_URL: url });
  if (result.exitCode !== 0) {
    throw new DbError(
      "migration-failed",
      `Migrating the database at ${maskDatabaseUrl(url)} failed: ${summarizePrismaError(result)}`,
    );
  }
  return { applied: pending };
}

/**
 * Migration folders not yet finished in the database. Prisma's own checks (checksums, failed
 * migrations) stay with `migrate deploy`: anything unusual here counts as pending and runs the CLI.
 */
async function pendingMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const all = entries
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((row) => row.migration_name));
    return all.filter((name) => !done.has(name));
  } catch {
    // No _prisma_migrations table yet (a new database), or anything else: let the CLI decide.
    return all;
  } finally {
    await client.end().catch(() => {});
  }
}
