import { rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDbConfig, DbError, migrateDatabase, openDatabase } from "../src/index.ts";
import { startEmbeddedPostgres } from "../src/startEmbeddedPostgres.ts";
import { findTestPostgres, makeTempDir } from "./setupDatabase.ts";

const postgresUrl = await findTestPostgres();
const servers: Server[] = [];

/** A TCP server on a free port that accepts connections and never says a word. */
async function silentServer(): Promise<number> {
  const server = createServer(() => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Opens the database and returns what it threw, and after how long. */
async function openFailure(databaseUrl: string): Promise<{ error: DbError; ms: number }> {
  const started = performance.now();
  const error = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl })).then(
    () => expect.fail("openDatabase should have failed"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DbError);
  return { error: error as DbError, ms: performance.now() - started };
}

afterAll(() => {
  for (const server of servers) server.close();
});

describe("openDatabase with a DATABASE_URL that does not work", () => {
  it("error: names the unreachable DATABASE_URL and how to fix it", async () => {
    const port = await closedPort();
    const { error, ms } = await openFailure(`postgresql://luma:s3cret@127.0.0.1:${port}/luma`);
    expect(error.code).toBe("unreachable");
    expect(error.message).toBe(
      `Cannot reach the database at postgresql://luma:***@127.0.0.1:${port}/luma (ECONNREFUSED). ` +
        "Start PostgreSQL or unset DATABASE_URL to use the embedded database.",
    );
    expect(ms).toBeLessThan(5_000);
  });

  it("error: gives up within seconds on a server that never answers", async () => {
    const port = await silentServer();
    const { error, ms } = await openFailure(`postgresql://postgres@127.0.0.1:${port}/luma`);
    expect(error.code).toBe("unreachable");
    expect(error.message).toContain("(timed out)");
    expect(error.message).not.toContain("\n");
    expect(ms).toBeLessThan(5_000);
  });

  it.runIf(postgresUrl)("error: names a database that does not exist and how to create it", async () => {
    const url = new URL(postgresUrl ?? "");
    url.pathname = "/luma_test_does_not_exist";
    const { error } = await openFailure(url.toString());
    expect(error.code).toBe("database-missing");
    expect(error.message).toMatch(/^The database "luma_test_does_not_exist" does not exist at .*createdb/);
    expect(error.message).not.toContain("\n");
  });
});

describe("migrateDatabase", () => {
  it("error: reports a migration that failed earlier in one line, with Prisma's code", async () => {
    const dir = await makeTempDir();
    const embedded = await startEmbeddedPostgres(join(dir, "pglite"));
    try {
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      // What Prisma records when a migration breaks halfway: started, never finished.
      await client.query(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL,
        finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
        started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('1', '0', '0_broken')`,
      );
      await client.end();

      const error = await migrateDatabase(embedded.url).catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({ code: "migration-failed" });
      expect((error as DbError).message).toMatch(
        /^Migrating the database at .* failed: Error: P3009 .*0_broken/,
      );
      expect((error as DbError).message).not.toContain("\n");
    } finally {
      await embedded.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
