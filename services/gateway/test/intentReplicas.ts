import { randomBytes } from "node:crypto";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import pg from "pg";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import type { SigningConfig } from "../src/config.ts";
import { startGateway } from "../src/startGateway.ts";
import type { setupChain } from "./setupChain.ts";

/**
 * Two gateway replicas on one throwaway PostgreSQL database and the real Redis (a channel prefix of
 * their own): the first holds the indexer lock (the leader), the second stands by (with
 * `standbySigning`, if given, as its signing settings). Both stop, and
 * the database is dropped, after the file's tests.
 */
export async function startIntentReplicas(
  chain: Awaited<ReturnType<typeof setupChain>>,
  options: { standbySigning?: SigningConfig } = {},
) {
  const name = `luma_intents_${randomBytes(6).toString("hex")}`;
  const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  await withPostgres(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  deferTeardown(() =>
    withPostgres(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  );
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const redisChannelPrefix = `luma-test-${randomBytes(6).toString("hex")}:`;
  const start = async (signing?: SigningConfig) => {
    const database = await openDatabase(createDbConfig({ DATABASE_URL: url.toString() }));
    deferTeardown(() => database.close());
    const gateway = await startGateway({
      database,
      manifest: chain.manifest,
      port: 0,
      log: () => {},
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      redisChannelPrefix,
      signing,
    });
    deferTeardown(() => gateway.stop());
    return { gateway, database };
  };
  const leader = await start();
  return { leader, standby: await start(options.standbySigning) };
}

async function withPostgres(url: string, use: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
