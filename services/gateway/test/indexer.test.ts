import { fromDecimal, rollbackAboveBlock } from "@luma-pulse/db";
import { soraAbi } from "@luma-pulse/protocol/abis";
import { createPublicClient, type Hash, http, parseEventLogs, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaSqlWriter } from "../src/indexer/createPrismaSqlWriter.ts";
import { fetchProtocolLogs } from "../src/indexer/fetchProtocolLogs.ts";
import {
  createIndexer,
  decodeProtocolLogs,
  type IndexerOptions,
  protocolEventAbi,
  ReorgDuringChunkError,
  webSocketUrlOf,
} from "../src/indexer/index.ts";
import { indexBlockRange } from "../src/indexer/indexBlockRange.ts";
import { burnTxHashes } from "./burnTxHashes.ts";
import { chainTotalBurned } from "./chainTotalBurned.ts";
import { expectConsecutiveBurns } from "./expectConsecutiveBurns.ts";
import { flakyClient } from "./flakyClient.ts";
import { memberActivity } from "./memberActivity.ts";
import { readAllEventRows } from "./readAllEventRows.ts";
import { readIndexedBurns } from "./readIndexedBurns.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startCuttableProxy } from "./startCuttableProxy.ts";

const e18 = (value: string) => parseUnits(value, 18);

let chain: Awaited<ReturnType<typeof setupChain>>;
let db: Awaited<ReturnType<typeof setupDatabase>>;

function indexer(options: Partial<IndexerOptions> = {}) {
  return createIndexer({
    prisma: db.prisma,
    client: chain.client,
    manifest: chain.manifest,
    log: () => {},
    retry: { attempts: 2, baseDelayMs: 10 },
    ...options,
  });
}

beforeAll(async () => {
  [chain, db] = await Promise.all([setupChain(), setupDatabase()]);
  await memberActivity(chain);
});

describe("decodeProtocolLogs", () => {
  it("decodes the protocol's events and drops the same events from other addresses", async () => {
    const { contracts } = chain.manifest;
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const logs = await fetchProtocolLogs(chain.client, [contracts.sora, contracts.soraLumaPool], 0n, head);
    const events = decodeProtocolLogs(logs, contracts);
    expect(new Set(events.map((event) => event.eventName))).toEqual(
      new Set(["SoraBurned", "Swap", "Sync", "QuotaGranted"]),
    );
    const foreign = logs.map((log) => ({
      ...log,
      address: "0x00000000000000000000000000000000000000aa" as const,
    }));
    expect(decodeProtocolLogs(foreign, contracts)).toEqual([]);
  });

  it("decodes every event to exactly what viem's own decoder gives", async () => {
    const { contracts } = chain.manifest;
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const logs = await fetchProtocolLogs(chain.client, Object.values(contracts), 0n, head);
    const events = decodeProtocolLogs(logs, contracts);
    const viems = parseEventLogs({ abi: protocolEventAbi, logs, strict: true });
    expect(events.length).toBeGreaterThan(20);
    expect(events.map(({ eventName, args }) => ({ eventName, args }))).toEqual(
      viems.map(({ eventName, args }) => ({ eventName, args })),
    );
  });
});

describe("createIndexer", () => {
  it("backfills every event table from the start block to the head", async () => {
    const result = await indexer().syncOnce();
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    expect(result).toMatchObject({ from: chain.manifest.startBlock, to: head });
    const rows = await readAllEventRows(db.prisma);
    for (const [table, list] of Object.entries(rows)) expect(list.length, table).toBeGreaterThan(0);
    expect(result.rows).toBe(Object.values(rows).reduce((sum, list) => sum + list.length, 0));
  });

  it("writes every SORA burn: their count, amounts and running total agree with the chain", async () => {
    const burns = await db.prisma.soraBurn.findMany({
      orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    });
    const onChain = await chain.deployer.getContractEvents({
      address: chain.manifest.contracts.sora,
      abi: soraAbi,
      eventName: "SoraBurned",
      fromBlock: chain.manifest.startBlock,
    });
    expect(burns).toHaveLength(onChain.length);
    expect(burns.map((burn) => burn.txHash)).toEqual(onChain.map((log) => log.transactionHash));
    expect(burns.map((burn) => burn.reason).sort()).toEqual(["buyback", "sell"]);
    const sum = burns.reduce((total, burn) => total + fromDecimal(burn.amount), 0n);
    expect(sum).toBe(await chainTotalBurned(chain));
    expect(fromDecimal(burns.at(-1)?.totalBurned ?? "0")).toBe(sum);
  });

  it("maps columns as the schema says: lowercase addresses, decoded names, trades without the buyback", async () => {
    const { alice, keeper } = chain.members;
    const { contracts } = chain.manifest;
    const trades = await db.prisma.soraTrade.findMany({ orderBy: { blockNumber: "asc" } });
    expect(trades.map((trade) => [trade.side, trade.account])).toEqual([
      ["buy", alice.toLowerCase()],
      ["sell", alice.toLowerCase()],
    ]);
    const buyback = await db.prisma.buyback.findFirstOrThrow();
    expect(buyback.caller).toBe(keeper.toLowerCase());
    const change = await db.prisma.parameterChange.findFirstOrThrow();
    expect(change).toMatchObject({ contract: contracts.feeBuyback.toLowerCase(), name: "buybackThreshold" });
    expect(fromDecimal(change.newValue)).toBe(e18("50"));
    const names = await db.prisma.poolSnapshot.findMany({ distinct: ["name"], select: { name: true } });
    expect(names.map((row) => row.name).sort()).toEqual(["LUMA/USDT", "POP/LUMA", "SORA/LUMA"]);
    const stake = await db.prisma.optionStake.findFirstOrThrow();
    expect(stake).toMatchObject({
      owner: alice.toLowerCase(),
      dailyRateBps: 50,
      capBps: 20000,
      earlyFeeBps: 5000,
    });
    expect(stake.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("keeps one pool snapshot per pool and block: the reserves after the block's last Sync", async () => {
    const snapshots = await db.prisma.poolSnapshot.findMany();
    const keys = snapshots.map((s) => `${s.pool}:${s.blockNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
    const latest = await db.prisma.poolSnapshot.findFirstOrThrow({
      where: { pool: chain.manifest.contracts.soraLumaPool.toLowerCase() },
      orderBy: { blockNumber: "desc" },
    });
    const [reserve0, reserve1] = await chain.actors.read.reserves(chain.manifest.contracts.soraLumaPool);
    expect([fromDecimal(latest.reserve0), fromDecimal(latest.reserve1)]).toEqual([reserve0, reserve1]);
  });

  it("is idempotent: a second sync and a re-sync from scratch write nothing new", async () => {
    const before = await readAllEventRows(db.prisma);
    expect((await indexer().syncOnce()).rows).toBe(0);
    await db.prisma.indexerCursor.deleteMany();
    const again = await indexer().syncOnce();
    expect(again.rows).toBe(0);
    expect(await readAllEventRows(db.prisma)).toEqual(before);
  });

  it("gives the same rows from tiny chunks as from one big chunk", async () => {
    const oneChunk = await readAllEventRows(db.prisma);
    await rollbackAboveBlock(db.prisma, chain.manifest.chainId, -1n);
    await db.prisma.indexerCursor.deleteMany();
    const chunks: bigint[] = [];
    await indexer({ chunkSize: 3, onChunk: (chunk) => chunks.push(chunk.to - chunk.from + 1n) }).syncOnce();
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((size) => size <= 3n)).toBe(true);
    expect(await readAllEventRows(db.prisma)).toEqual(oneChunk);
  });

  it("resumes an interrupted backfill from its cursor, as after a restart", async () => {
    await indexer().syncOnce();
    const reference = await readAllEventRows(db.prisma);
    await rollbackAboveBlock(db.prisma, chain.manifest.chainId, -1n);
    await db.prisma.indexerCursor.deleteMany();
    let chunks = 0;
    let stopping: Promise<void> | undefined;
    const first = indexer({
      chunkSize: 4,
      onChunk: () => {
        chunks += 1;
        if (chunks === 3) stopping = first.stop();
      },
    });
    first.start();
    await expect.poll(() => chunks).toBeGreaterThanOrEqual(3);
    await stopping;
    const cursor = await db.prisma.indexerCursor.findFirstOrThrow();
    expect(cursor.lastBlockNumber).toBe(chain.manifest.startBlock + 11n);

    const second = await indexer({ chunkSize: 4 }).syncOnce();
    expect(second.from).toBe(cursor.lastBlockNumber + 1n);
    expect(await readAllEventRows(db.prisma)).toEqual(reference);
    expectConsecutiveBurns(await readIndexedBurns(db.prisma), await chainTotalBurned(chain));
  });

  it("reports the head, the indexed block and the lag, during a backfill and when following", async () => {
    await rollbackAboveBlock(db.prisma, chain.manifest.chainId, -1n);
    await db.prisma.indexerCursor.deleteMany();
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const idx = indexer({ chunkSize: 10, pollIntervalMs: 20 });
    expect(idx.status()).toEqual({ headBlock: undefined, indexedBlock: undefined, lagBlocks: undefined });
    const seen: { to: bigint; lag: bigint | undefined }[] = [];
    const sampling = indexer({
      chunkSize: 10,
      onChunk: (chunk) => seen.push({ to: chunk.to, lag: sampling.status().lagBlocks }),
    });
    await sampling.syncOnce();
    expect(seen.every(({ to, lag }) => lag === head - to)).toBe(true);
    expect(sampling.status()).toEqual({ headBlock: head, indexedBlock: head, lagBlocks: 0n });

    await chain.deployer.mine({ blocks: 5 });
    idx.start();
    await expect.poll(() => idx.status().indexedBlock, { timeout: 5_000 }).toBe(head + 5n);
    await idx.stop();
    expect(idx.status()).toEqual({ headBlock: head + 5n, indexedBlock: head + 5n, lagBlocks: 0n });
  });

  it("follows new heads pushed over WebSocket, without waiting for a poll", async () => {
    await indexer().syncOnce();
    // A poll interval no test would wait for: only the new-head subscription can wake the follower.
    const idx = indexer({ pollIntervalMs: 60_000, webSocketUrl: webSocketUrlOf(chain.anvil.rpcUrl) });
    idx.start();
    try {
      await expect.poll(() => idx.status().headBlock !== undefined).toBe(true);
      for (const amount of ["0.001", "0.002"]) {
        const { transactionHash } = await chain.actors.sellSora(chain.members.alice, e18(amount));
        const { blockNumber } = await chain.client.getTransactionReceipt({ hash: transactionHash });
        // Well under the 60 s poll: only the pushed head can explain it (roomy for a loaded machine).
        await expect.poll(() => idx.status().indexedBlock, { timeout: 15_000 }).toBe(blockNumber);
      }
    } finally {
      await idx.stop(); // a failure must not leave a follower indexing the next tests' blocks
    }
    expect(await burnTxHashes(db.prisma)).toHaveLength(new Set(await burnTxHashes(db.prisma)).size);
  });

  it("rolls back a reorg: orphaned burns disappear and the new fork's are indexed", async () => {
    const { actors, deployer, members } = chain;
    const idx = indexer();
    await idx.syncOnce();
    const snapshot = await deployer.snapshot();
    const sell = async (amount: string): Promise<Hash> =>
      (await actors.sellSora(members.alice, e18(amount))).transactionHash;
    const orphans = [await sell("0.01"), await sell("0.02")];
    await idx.syncOnce();
    expect(await burnTxHashes(db.prisma)).toEqual(expect.arrayContaining(orphans));

    // The new fork is shorter than the indexed one: the cursor's block does not exist any more.
    await deployer.revert({ id: snapshot });
    const replacement = await sell("0.03");
    const result = await idx.syncOnce();
    expect(result.rows).toBeGreaterThan(0);
    const hashes = await burnTxHashes(db.prisma);
    for (const orphan of orphans) expect(hashes).not.toContain(orphan);
    expect(hashes).toContain(replacement);
    const burns = await db.prisma.soraBurn.findMany();
    expect(burns.reduce((sum, burn) => sum + fromDecimal(burn.amount), 0n)).toBe(
      await chainTotalBurned(chain),
    );
    const blocks = await db.prisma.indexedBlock.findMany({ orderBy: { number: "desc" }, take: 1 });
    expect(blocks[0]?.hash).toBe((await chain.client.getBlock({ blockTag: "latest" })).hash);
  });

  it("rolls back a reorg onto a longer fork whose blocks replace the indexed ones", async () => {
    const { actors, deployer, members } = chain;
    const idx = indexer();
    await idx.syncOnce();
    const snapshot = await deployer.snapshot();
    const orphan = (await actors.sellSora(members.alice, e18("0.04"))).transactionHash;
    await idx.syncOnce();
    await deployer.revert({ id: snapshot });
    const replacements: Hash[] = [];
    for (const amount of ["0.05", "0.06", "0.07"]) {
      replacements.push((await actors.sellSora(members.alice, e18(amount))).transactionHash);
    }
    await idx.syncOnce();
    const hashes = await burnTxHashes(db.prisma);
    expect(hashes).not.toContain(orphan);
    expect(hashes).toEqual(expect.arrayContaining(replacements));
    expect(idx.status().lagBlocks).toBe(0n);
  });

  it("retries a failing RPC with backoff and resumes without gaps after giving up", async () => {
    await indexer().syncOnce();
    const reference = await readAllEventRows(db.prisma);
    await rollbackAboveBlock(db.prisma, chain.manifest.chainId, -1n);
    await db.prisma.indexerCursor.deleteMany();
    const outage = { getLogsFailures: 2 };
    const lines: string[] = [];
    const flaky = indexer({
      client: flakyClient(chain.anvil.rpcUrl, outage),
      chunkSize: 50,
      log: (line) => lines.push(line),
      retry: { attempts: 3, baseDelayMs: 5 },
    });
    await flaky.syncOnce();
    expect(lines.filter((line) => line.includes("retrying"))).toHaveLength(2);
    expect(await readAllEventRows(db.prisma)).toEqual(reference);

    // A longer outage: the sync fails, the cursor stays, and the next sync picks up where it was.
    await chain.actors.sellSora(chain.members.alice, e18("0.001"));
    const indexedBefore = flaky.status().indexedBlock;
    outage.getLogsFailures = 10;
    await expect(flaky.syncOnce()).rejects.toThrow(/connection reset/);
    expect(flaky.status().indexedBlock).toBe(indexedBefore);
    outage.getLogsFailures = 0;
    expect((await flaky.syncOnce()).rows).toBeGreaterThan(0);
    const burns = await db.prisma.soraBurn.findMany();
    expect(burns.reduce((sum, burn) => sum + fromDecimal(burn.amount), 0n)).toBe(
      await chainTotalBurned(chain),
    );
  });

  it("rides out an RPC node that dies mid-backfill: retries, resumes, and indexes every burn once", async () => {
    await indexer().syncOnce();
    const reference = await readAllEventRows(db.prisma);
    await rollbackAboveBlock(db.prisma, chain.manifest.chainId, -1n);
    await db.prisma.indexerCursor.deleteMany();
    const rpc = await startCuttableProxy(chain.anvil.rpcUrl);
    const lines: string[] = [];
    let chunks = 0;
    const idx = indexer({
      client: createPublicClient({ transport: http(rpc.url, { batch: true, retryCount: 0 }) }),
      chunkSize: 5,
      pollIntervalMs: 20,
      log: (line) => lines.push(line),
      retry: { attempts: 2, baseDelayMs: 10 },
      onChunk: () => {
        chunks += 1;
        if (chunks === 2) void rpc.cut("reset");
      },
    });
    idx.start();
    await expect.poll(() => lines.some((line) => line.includes("sync failed, will try again"))).toBe(true);
    const stalledAt = idx.status().indexedBlock;
    const connectionsWhileDown = rpc.connections();
    await expect.poll(() => rpc.connections()).toBeGreaterThan(connectionsWhileDown); // still trying
    expect(idx.status().indexedBlock).toBe(stalledAt);
    await rpc.restore();
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    await expect.poll(() => idx.status().indexedBlock, { timeout: 10_000 }).toBe(head);
    await idx.stop();
    expect(lines.some((line) => line.includes("retrying"))).toBe(true);
    expect(await readAllEventRows(db.prisma)).toEqual(reference);
    expectConsecutiveBurns(await readIndexedBurns(db.prisma), await chainTotalBurned(chain));
  });

  it("error: refuses a chunk that does not build on the indexed block, writing nothing", async () => {
    await indexer().syncOnce();
    await chain.deployer.mine({ blocks: 3 });
    const cursor = await db.prisma.indexerCursor.findFirstOrThrow();
    const context = {
      prisma: db.prisma,
      writer: createPrismaSqlWriter(db.prisma),
      client: chain.client,
      manifest: chain.manifest,
      cursorName: "events",
      poolNames: async () => new Map<string, string>(),
      retry: <T>(_what: string, action: () => Promise<T>) => action(),
    };
    const range = { from: cursor.lastBlockNumber + 1n, to: cursor.lastBlockNumber + 3n };
    await expect(indexBlockRange(context, { ...range, parentHash: `0x${"cd".repeat(32)}` })).rejects.toThrow(
      ReorgDuringChunkError,
    );
    expect(await db.prisma.indexerCursor.findFirstOrThrow()).toEqual(cursor);
  });

  it("finds a deep fork point by binary search and keeps everything below it", async () => {
    // More blocks with events than the shallow first step compares.
    for (let i = 0; i < 30; i++) await chain.actors.sellSora(chain.members.alice, e18("0.001"));
    await indexer().syncOnce();
    const stored = await db.prisma.indexedBlock.findMany({ orderBy: { number: "asc" } });
    expect(stored.length).toBeGreaterThan(40);
    const fork = stored[5];
    if (!fork) throw new Error("no stored blocks");
    // As if every block above `fork` had been indexed from another fork.
    const orphanHash = `0x${"ef".repeat(32)}`;
    await db.prisma.indexedBlock.updateMany({
      where: { number: { gt: fork.number } },
      data: { hash: orphanHash },
    });
    await db.prisma.indexerCursor.updateMany({ data: { lastBlockHash: orphanHash } });
    const burnsBelow = await db.prisma.soraBurn.count({ where: { blockNumber: { lte: fork.number } } });
    const lines: string[] = [];
    const result = await indexer({ log: (line) => lines.push(line) }).syncOnce();
    expect(result.from).toBe(fork.number + 1n);
    expect(lines.join("\n")).toContain(`fork point ${fork.number}`);
    expect(await db.prisma.soraBurn.count({ where: { blockNumber: { lte: fork.number } } })).toBe(burnsBelow);
    expect(await db.prisma.indexedBlock.count({ where: { hash: orphanHash } })).toBe(0);
    const burns = await db.prisma.soraBurn.findMany();
    expect(burns.reduce((sum, burn) => sum + fromDecimal(burn.amount), 0n)).toBe(
      await chainTotalBurned(chain),
    );
  });

  it("re-indexes from the start block when the chain under the same id was replaced", async () => {
    const idx = indexer();
    await idx.syncOnce();
    // Pretend the stored history came from another chain: every stored hash differs from this one's.
    await db.prisma.indexedBlock.updateMany({ data: { hash: `0x${"ab".repeat(32)}` } });
    await db.prisma.indexerCursor.updateMany({ data: { lastBlockHash: `0x${"ab".repeat(32)}` } });
    await db.prisma.soraBurn.updateMany({ data: { blockHash: `0x${"ab".repeat(32)}` } });
    const result = await idx.syncOnce();
    expect(result.from).toBe(chain.manifest.startBlock);
    const burns = await db.prisma.soraBurn.findMany();
    expect(burns.every((burn) => burn.blockHash !== `0x${"ab".repeat(32)}`)).toBe(true);
    expect(burns.reduce((sum, burn) => sum + fromDecimal(burn.amount), 0n)).toBe(
      await chainTotalBurned(chain),
    );
  });
});
