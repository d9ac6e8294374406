import { randomBytes } from "node:crypto";
import { createDbConfig, type Database, openDatabase } from "@luma-pulse/db";
import pg from "pg";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { createProtectionConfig } from "../src/protection/createProtectionConfig.ts";
import { startGateway } from "../src/startGateway.ts";
import type { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";

/** The machine's PostgreSQL (trust auth), as the other PostgreSQL tests use it; TEST_POSTGRES_URL points elsewhere. */
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** A fresh service token, as an operator makes one (`openssl rand -hex 32`). */
export const newServiceToken = () => randomBytes(32).toString("hex");

/**
 * A gateway for wallet-link tests on a fresh database whose client the test keeps (to see what was
 * stored): PGlite, or a throwaway PostgreSQL database (`postgres: true`: concurrent transactions
 * really overlap there). `serviceToken` configured (none: wallet linking refused), and a request
 * budget large enough for a whole file from 127.0.0.1. Stops after the file's tests.
 */
export async function startWalletLinkGateway(
  chain: Awaited<ReturnType<typeof setupChain>>,
  { serviceToken, postgres = false }: { serviceToken?: string; postgres?: boolean },
) {
  const database = postgres ? await setupPostgresDatabase() : await setupDatabase();
  const gateway = await startGateway({
    database,
    manifest: chain.manifest,
    port: 0,
    log: () => {},
    signing: { intentTtlSeconds: 900, serviceToken },
    protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
  });
  deferTeardown(() => gateway.stop());
  return { gateway, prisma: database.prisma };
}

/** A migrated `luma_walletlinks_<random>` database on the machine's PostgreSQL, dropped after the file. */
async function setupPostgresDatabase(): Promise<Database> {
  const name = `luma_walletlinks_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  deferTeardown(() => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase(createDbConfig({ DATABASE_URL: url.toString() }));
  deferTeardown(() => database.close());
  return database;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
