import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";
import { pendingMigrations } from "./pendingMigrations.ts";
import { projectPaths } from "./projectPaths.ts";

/**
 * Refuses to go on when the database at `url` lacks migrations of this version (DATABASE_MIGRATE=0:
 * another step migrates). Starting anyway would fail later, inside requests, on a missing column.
 * Throws a `schema-behind` {@link DbError} naming how many are pending and the command that applies them.
 */
export async function assertSchemaCurrent(url: string): Promise<void> {
  const pending = await pendingMigrations(url, projectPaths().migrations).catch((error: unknown) => {
    // Not "schema behind": a permission or connection problem would send the operator the wrong way.
    const reason = error instanceof Error ? error.message : String(error);
    throw new DbError(
      "unreachable",
      `Cannot read the migration history of the database at ${maskDatabaseUrl(url)}: ${reason}`,
    );
  });
  if (pending.length === 0) return;
  const count = pending.length === 1 ? "1 pending migration" : `${pending.length} pending migrations`;
  throw new DbError(
    "schema-behind",
    `The database schema is behind this version (${count}): run \`npm run migrate\`.`,
  );
}
