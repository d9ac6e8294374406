import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromDecimal, migrateDatabase, Prisma, rollbackAboveBlock, toDecimal } from "../src/index.ts";
import { findTestPostgres, setupPglite, setupPostgres, type TestDatabase } from "./setupDatabase.ts";

const postgresUrl = await findTestPostgres();

/** 2^256 - 1: the largest uint256, 78 digits. */
const MAX_UINT256 = 2n ** 256n - 1n;

/** One SoraBurn event as the indexer would write it; `overrides` pick its place in the chain. */
function burnEvent(overrides: { blockNumber?: bigint; logIndex?: number; amount?: bigint } = {}) {
  const blockNumber = overrides.blockNumber ?? 100n;
  return {
    chainId: 31337,
    blockNumber,
    blockHash: `0x${blockNumber.toString(16).padStart(64, "0")}`,
    blockTime: new Date(Number(blockNumber) * 1000),
    txHash: `0x${"ab".repeat(31)}${blockNumber.toString(16).padStart(2, "0").slice(-2)}`,
    logIndex: overrides.logIndex ?? 0,
    from: "0x000000000000000000000000000000000000dead",
    amount: toDecimal(overrides.amount ?? 10n ** 18n),
    reason: "sell" as const,
    totalBurned: toDecimal(161_076_068_906n * 10n ** 15n),
  };
}

const backends = [
  { name: "PGlite", setup: setupPglite, available: true },
  { name: "PostgreSQL", setup: () => setupPostgres(postgresUrl ?? ""), available: postgresUrl !== undefined },
];

for (const backend of backends) {
  describe.runIf(backend.available)(`openDatabase on ${backend.name}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await backend.setup();
    });
    afterAll(() => test?.destroy());

    it("applies the migrations to an empty database", async () => {
      expect(test.db.kind).toBe(backend.name === "PGlite" ? "pglite" : "postgres");
      const rows = await test.db.prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
      expect(rows.map((row) => row.migration_name)).toContainEqual(expect.stringMatching(/_init$/));
      expect(await test.db.prisma.soraBurn.count()).toBe(0);
    });

    it("re-applies the migrations as a fast no-op", async () => {
      const started = performance.now();
      expect(await migrateDatabase(test.db.url)).toEqual({ applied: [] });
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    it("round-trips a 78-digit amount exactly as bigint", async () => {
      const row = await test.db.prisma.soraBurn.create({ data: burnEvent({ amount: MAX_UINT256 }) });
      const read = await test.db.prisma.soraBurn.findUniqueOrThrow({ where: { id: row.id } });
      expect(read.amount.toFixed()).toHaveLength(78);
      expect(fromDecimal(read.amount)).toBe(MAX_UINT256);
      expect(read.blockNumber).toBe(100n);
    });

    it("error: rejects a second row with the same (chainId, txHash, logIndex)", async () => {
      const event = burnEvent({ blockNumber: 101n });
      await test.db.prisma.soraBurn.create({ data: event });
      await expect(test.db.prisma.soraBurn.create({ data: event })).rejects.toMatchObject({ code: "P2002" });
    });

    it("writes idempotently with createMany({ skipDuplicates }) and upsert", async () => {
      const events = [burnEvent({ blockNumber: 102n }), burnEvent({ blockNumber: 102n, logIndex: 1 })];
      expect(await test.db.prisma.soraBurn.createMany({ data: events, skipDuplicates: true })).toEqual({
        count: 2,
      });
      expect(await test.db.prisma.soraBurn.createMany({ data: events, skipDuplicates: true })).toEqual({
        count: 0,
      });
      const [first] = events as [ReturnType<typeof burnEvent>];
      const key = { chainId: first.chainId, txHash: first.txHash, logIndex: first.logIndex };
      await test.db.prisma.soraBurn.upsert({
        where: { chainId_txHash_logIndex: key },
        create: first,
        update: {},
      });
      expect(await test.db.prisma.soraBurn.count({ where: { blockNumber: 102n } })).toBe(2);
    });

    it("serves concurrent queries while an interactive transaction runs", async () => {
      const cursor = { chainId: 31337, name: "events" };
      const transaction = test.db.prisma.$transaction(async (tx) => {
        await tx.indexerCursor.create({ data: { ...cursor, lastBlockNumber: 1n, lastBlockHash: "0x01" } });
        return tx.indexerCursor.update({
          where: { chainId_name: cursor },
          data: { lastBlockNumber: 2n, lastBlockHash: "0x02" },
        });
      });
      const counts = Array.from({ length: 20 }, () => test.db.prisma.soraBurn.count());
      const [updated, ...results] = await Promise.all([transaction, ...counts]);
      expect(updated.lastBlockNumber).toBe(2n);
      expect(new Set(results).size).toBe(1);
    });

    it("rolls back every row above a fork point and keeps the fork point", async () => {
      for (const blockNumber of [200n, 201n, 202n]) {
        await test.db.prisma.soraBurn.create({ data: burnEvent({ blockNumber }) });
        await test.db.prisma.indexedBlock.create({
          data: {
            chainId: 31337,
            number: blockNumber,
            hash: "0x01",
            parentHash: "0x00",
            timestamp: new Date(),
          },
        });
      }
      const deleted = await rollbackAboveBlock(test.db.prisma, 31337, 200n);
      expect(deleted).toMatchObject({ SoraBurn: 2, IndexedBlock: 2 });
      expect(await test.db.prisma.soraBurn.count({ where: { blockNumber: { gte: 200n } } })).toBe(1);
      expect(await test.db.prisma.indexedBlock.findMany({ select: { number: true } })).toEqual([
        { number: 200n },
      ]);
    });

    it("rolls back every table with chain rows (all models but the cursor and signing's own)", async () => {
      const deleted = await rollbackAboveBlock(test.db.prisma, 31337, 10n ** 12n);
      // Not chain events: the cursor moves by itself; signing intents and wallet links are re-checked
      // by the confirmation watcher (a reorg marks an intent dropped, it does not delete it); the
      // bots' tables follow the gateway's API (a reorged burn already alerted stays alerted).
      const notChainRows = new Set<string>([
        "IndexerCursor",
        "SigningIntent",
        "IntentTransaction",
        "WalletLinkChallenge",
        "WalletLink",
        "ChatUserPreference",
        "AlertSubscription",
        "StreamCursor",
        "AlertDelivery",
        "IntentMessage",
        "LiveStatsMessage",
      ]);
      const models = Object.values(Prisma.ModelName).filter((model) => !notChainRows.has(model));
      expect(Object.keys(deleted).sort()).toEqual(models.sort());
    });
  });
}
