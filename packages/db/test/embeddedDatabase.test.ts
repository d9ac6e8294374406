import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbConfig, type Database, DbError, openDatabase, toDecimal } from "../src/index.ts";
import { makeTempDir } from "./setupDatabase.ts";

/** A running process that is not us, to hold a lock. */
function startIdleProcess(): ChildProcess {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}

describe("openDatabase without DATABASE_URL (embedded PGlite)", () => {
  let dataDir: string;
  const open = () => openDatabase(createDbConfig({ LUMA_DATA_DIR: dataDir }));

  beforeAll(async () => {
    dataDir = await makeTempDir();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("creates its folder under LUMA_DATA_DIR and keeps the data when reopened", async () => {
    const first = await open();
    expect(first.kind).toBe("pglite");
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    await first.prisma.indexerCursor.create({
      data: { chainId: 1, name: "events", lastBlockNumber: 42n, lastBlockHash: "0x42" },
    });
    await first.prisma.rebase.create({
      data: {
        chainId: 1,
        blockNumber: 42n,
        blockHash: "0x42",
        blockTime: new Date(),
        txHash: "0x43",
        logIndex: 0,
        epoch: 7n,
        epochTime: new Date(),
        index: toDecimal(1_000_500_000_000_000_000n),
        lumaMinted: toDecimal(1n),
        totalStaked: toDecimal(2n),
      },
    });
    await first.close();

    const second = await open();
    try {
      expect(await second.prisma.indexerCursor.findFirst()).toMatchObject({ lastBlockNumber: 42n });
      expect((await second.prisma.rebase.findFirstOrThrow()).index.toFixed()).toBe("1000500000000000000");
    } finally {
      await second.close();
    }
  });

  it("error: refuses to open the same folder twice in one process", async () => {
    const db = await open();
    try {
      await expect(open()).rejects.toMatchObject({
        code: "locked",
        message: expect.stringContaining("this process"),
      });
    } finally {
      await db.close();
    }
  });

  it("error: names the other process that is using the folder", async () => {
    const holder = startIdleProcess();
    try {
      writeFileSync(join(dataDir, "pglite.lock"), `${holder.pid}\n`);
      const error = await open().catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(DbError);
      expect((error as DbError).message).toMatch(
        new RegExp(`^The embedded database at .* is in use by process ${holder.pid}\\. .*LUMA_DATA_DIR`),
      );
      expect((error as DbError).message).not.toContain("\n");
    } finally {
      holder.kill();
      await rm(join(dataDir, "pglite.lock"), { force: true });
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dead = startIdleProcess();
    await new Promise((resolve) => dead.on("spawn", resolve));
    dead.kill();
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(join(dataDir, "pglite.lock"), `${dead.pid}\n`);
    const db: Database = await open();
    await db.close();
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
  });

  it("close() can be called twice", async () => {
    const db = await open();
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });
});
