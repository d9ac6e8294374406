import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";

/** An embedded PGlite database in a temporary LUMA_DATA_DIR, removed after the file's tests. */
export async function setupDatabase() {
  const dir = await mkdtemp(join(tmpdir(), "luma-gateway-test-"));
  const db = await openDatabase(createDbConfig({ LUMA_DATA_DIR: dir }));
  deferTeardown(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });
  return db;
}
