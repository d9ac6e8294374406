import { randomBytes } from "node:crypto";
import pg from "pg";
import { deferTeardown } from "./deferTeardown.ts";

/** The machine's PostgreSQL (trust auth); TEST_POSTGRES_URL points elsewhere. */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/**
 * A database of its own on the machine's PostgreSQL, for tests where several processes share one
 * database (PGlite serves one): its URL; dropped after the file's tests.
 */
export async function setupThrowawayPostgres(label: string): Promise<string> {
  const name = `luma_${label}_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  deferTeardown(() => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
