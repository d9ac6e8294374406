import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { createDbConfig, DbError, openDatabase } from "../src/index.ts";
import { projectPaths } from "../src/projectPaths.ts";

const { root, migrations } = projectPaths();
const migrationCount = readdirSync(migrations, { withFileTypes: true }).filter((entry) =>
  entry.isDirectory(),
).length;

type LogLine = { level: string; service: string; msg: string; applied?: string[]; code?: string };

/** Runs `npm run migrate`'s entry point as its own process; its exit code and JSON log lines. */
function runMigrate(env: Record<string, string>): Promise<{ code: number | null; lines: LogLine[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/db/src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = output
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
      resolve({ code, lines });
    });
  });
}

/** What opening the database with DATABASE_MIGRATE=0 threw (undefined: it opened). */
async function openWithoutMigrating(url: string): Promise<DbError | undefined> {
  try {
    const db = await openDatabase(createDbConfig({ DATABASE_URL: url, DATABASE_MIGRATE: "0" }));
    await db.close();
    return undefined;
  } catch (error) {
    if (error instanceof DbError) return error;
    throw error;
  }
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("npm run migrate, and services started with DATABASE_MIGRATE=0", () => {
  let url: string;
  beforeAll(async () => {
    url = await setupThrowawayPostgres("migrate");
  });

  it("error: a service refuses an empty database, naming the pending migrations and the command", async () => {
    const error = await openWithoutMigrating(url);
    expect(error?.code).toBe("schema-behind");
    expect(error?.message).toBe(
      `The database schema is behind this version (${migrationCount} pending migrations): run \`npm run migrate\`.`,
    );
  });

  it("applies every migration, logs them as JSON, and exits 0", async () => {
    const { code, lines } = await runMigrate({ DATABASE_URL: url });
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", service: "migrate" });
    expect(lines[0]?.applied).toHaveLength(migrationCount);
  }, 60_000);

  it("lets a service with DATABASE_MIGRATE=0 start on the migrated schema", async () => {
    expect(await openWithoutMigrating(url)).toBeUndefined();
  });

  it("says the schema is up to date when run again, and exits 0", async () => {
    const { code, lines } = await runMigrate({ DATABASE_URL: url });
    expect(code).toBe(0);
    expect(lines.map((line) => line.msg)).toEqual(["the database schema is up to date"]);
  }, 60_000);

  it("error: a service counts one migration missing since the last deploy", async () => {
    await query(
      url,
      "DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations)",
    );
    expect((await openWithoutMigrating(url))?.message).toBe(
      "The database schema is behind this version (1 pending migration): run `npm run migrate`.",
    );
  });

  it("error: a service that may not read the migration history says so, not that the schema is behind", async () => {
    // A role of its own, without rights on the database's tables (trust auth: no password needed).
    const role = `luma_noread_${process.pid}`;
    await query(url, `CREATE ROLE ${role} LOGIN`);
    deferTeardown(() => query(url, `DROP ROLE IF EXISTS ${role}`));
    const asRole = new URL(url);
    asRole.username = role;
    const error = await openWithoutMigrating(asRole.toString());
    expect(error?.code).toBe("unreachable");
    expect(error?.message).toMatch(
      /^Cannot read the migration history of the database at .*: permission denied for table _prisma_migrations$/,
    );
  });

  it("error: exits 1 with one line when DATABASE_URL is not set", async () => {
    const { code, lines } = await runMigrate({});
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "fatal",
        code: "invalid-config",
        msg: expect.stringMatching(
          /^DATABASE_URL is not set: `npm run migrate` migrates a PostgreSQL server/,
        ),
      }),
    ]);
  });

  it("error: exits 1 with one line, password masked, when the database does not exist", async () => {
    const missing = new URL(url);
    missing.pathname = "/luma_no_such_database";
    missing.password = "hunter2";
    const { code, lines } = await runMigrate({ DATABASE_URL: missing.toString() });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "fatal", code: "database-missing" });
    expect(lines[0]?.msg).toContain('The database "luma_no_such_database" does not exist');
    expect(JSON.stringify(lines)).not.toContain("hunter2");
  });
});
