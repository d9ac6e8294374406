import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

/**
 * The migration folders of `migrationsDir` (sorted by name, which starts with their timestamp) that
 * the database at `url` has not finished: compared with `_prisma_migrations`. Prisma's own checks
 * (checksums, failed migrations) stay with `migrate deploy`: a failed or rolled-back row counts as
 * pending, and so does everything in a new database (no `_prisma_migrations` table yet).
 * @throws the driver's error for anything else (permissions, connection): callers decide what it means
 */
export async function pendingMigrations(url: string, migrationsDir: string): Promise<string[]> {
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
  } catch (error) {
    // 42P01 undefined_table: a database no migration ever ran in.
    if ((error as { code?: string }).code === "42P01") return all;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
