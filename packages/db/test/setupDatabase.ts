import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDbConfig, type Database, openDatabase } from "../src/index.ts";

/** The machines' PostgreSQL (trust auth); TEST_POSTGRES_URL points elsewhere. */
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A fresh database for one test file, and how to get rid of it. */
export interface TestDatabase {
  db: Database;
  /** LUMA_DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL) that opened it, to reopen it. */
  env: Record<string, string>;
  /** Closes the database and deletes its folder or drops it. */
  destroy(): Promise<void>;
}

/** A new temporary folder; the caller removes it. */
export function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "luma-db-test-"));
}

/** An embedded database in a new temporary data folder. */
export async function setupPglite(): Promise<TestDatabase> {
  const dir = await makeTempDir();
  const env = { LUMA_DATA_DIR: dir };
  const db = await openDatabase(createDbConfig(env));
  return {
    db,
    env,
    async destroy() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The admin URL when PostgreSQL answers on 127.0.0.1:5432, else undefined (logged, so that a run
 * without it says which suites it left out).
 */
export async function findTestPostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return POSTGRES_ADMIN_URL;
  } catch (error) {
    console.info(
      `PostgreSQL does not answer at ${POSTGRES_ADMIN_URL} (${String(error)}): its suites do not run.`,
    );
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A throwaway `luma_test_<random>` database on the server at `adminUrl`, dropped by destroy(). */
export async function setupPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `luma_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  const db = await openDatabase(createDbConfig(env));
  return {
    db,
    env,
    async destroy() {
      await db.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
