import { join, resolve } from "node:path";
import { z } from "zod";
import { DbError } from "./DbError.ts";
import { maskDatabaseUrl } from "./maskDatabaseUrl.ts";
import { projectPaths } from "./projectPaths.ts";

/** Where the data lives: a PostgreSQL server, or the embedded PGlite folder. */
export interface DbConfig {
  /** A `postgres://` / `postgresql://` URL, or undefined for the embedded database. */
  databaseUrl: string | undefined;
  /** The project's data folder (`LUMA_DATA_DIR`, default `<repo>/.data`). */
  dataDir: string;
  /** The embedded database's folder: `<dataDir>/pglite`. */
  pgliteDir: string;
  /**
   * `DATABASE_MIGRATE`: true (default) applies pending migrations on open; false only checks that
   * none are pending and refuses to start otherwise, because a separate `npm run migrate` step (the
   * compose `migrate` service) owns the schema and replicas must not race each other to change it.
   */
  migrate: boolean;
}

/** An empty variable (`DATABASE_URL=` in a .env file) means unset. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  DATABASE_URL: optionalText.refine((value) => value === undefined || isPostgresUrl(value), {
    error: (issue) =>
      `DATABASE_URL must be a postgres:// or postgresql:// URL, got "${maskDatabaseUrl(String(issue.input))}". ` +
      "Fix it, or unset it to use the embedded database.",
  }),
  LUMA_DATA_DIR: optionalText,
  DATABASE_MIGRATE: optionalText.pipe(
    z
      .enum(["1", "0"], { error: "DATABASE_MIGRATE must be 1 (apply pending migrations at start) or 0." })
      .default("1"),
  ),
});

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * Reads the database settings from the environment (`DATABASE_URL`, `LUMA_DATA_DIR`,
 * `DATABASE_MIGRATE`; a relative data folder is resolved against the working directory). Throws a
 * one-line {@link DbError} (`invalid-config`) naming the bad variable.
 */
export function createDbConfig(env: Record<string, string | undefined>): DbConfig {
  const parsed = envSchema.safeParse({
    DATABASE_URL: env.DATABASE_URL,
    LUMA_DATA_DIR: env.LUMA_DATA_DIR,
    DATABASE_MIGRATE: env.DATABASE_MIGRATE,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join(" ");
    throw new DbError("invalid-config", `Invalid database configuration: ${problems}`);
  }
  const migrate = parsed.data.DATABASE_MIGRATE === "1";
  if (!migrate && !parsed.data.DATABASE_URL) {
    // `npm run migrate` cannot reach an embedded database: the process that opens it must migrate it.
    throw new DbError(
      "invalid-config",
      "Invalid database configuration: DATABASE_MIGRATE=0 needs DATABASE_URL (the embedded database is migrated by the process that opens it).",
    );
  }
  const dataDir = parsed.data.LUMA_DATA_DIR
    ? resolve(parsed.data.LUMA_DATA_DIR)
    : join(projectPaths().root, ".data");
  return { databaseUrl: parsed.data.DATABASE_URL, dataDir, pgliteDir: join(dataDir, "pglite"), migrate };
}
