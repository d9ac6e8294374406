import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";
import { pendingMigrations } from "./pendingMigrations.ts";
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
  // Unreadable history: let `migrate deploy` run and say what is wrong in its own words.
  const pending = await pendingMigrations(url, paths.migrations).catch(() => undefined);
  if (pending?.length === 0) return { applied: [] };

  const result = await runPrismaCli(["migrate", "deploy", "--config", paths.config], { DATABASE_URL: url });
  if (result.exitCode !== 0) {
    throw new DbError(
      "migration-failed",
      `Migrating the database at ${maskDatabaseUrl(url)} failed: ${summarizePrismaError(result)}`,
    );
  }
  return { applied: pending ?? [] };
}
