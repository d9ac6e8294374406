/**
 * Prints how fast the indexer backfills SORA burns from anvil into a database:
 * `npx tsx bench/indexerBackfill.ts [burns=100000] [sellsPerBlock=10]`.
 * Each sell is a SoraBurned and a SoraTrade (Swap); each block with sells is one pool snapshot
 * (its last Sync). Setup (not measured) packs `sellsPerBlock` sells into one Multicall3 transaction,
 * one transaction per block, so 100,000 burns take about a minute to create.
 * Database: embedded PGlite in a temporary folder; with DATABASE_URL set, a throwaway database
 * `luma_bench_<random>` created on that PostgreSQL server (the URL's user must be allowed to
 * CREATE DATABASE) and dropped afterwards, e.g.
 * `DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/indexerBackfill.ts`.
 * Prints burns/s, rows/s, blocks/s and the peak RSS of this process while it indexes (with PGlite
 * the database runs in this process too).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { confirm } from "@luma-pulse/devnet";
import { mintableTokenAbi, multicall3Abi, soraAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import pg from "pg";
import { type Address, encodeFunctionData, type Hex, maxUint256, numberToHex, parseUnits } from "viem";
import {
  createIndexer,
  createPgSqlWriter,
  createPrismaSqlWriter,
} from "../services/gateway/src/indexer/index.ts";
import { startProtocolChain } from "../services/gateway/test/startProtocolChain.ts";

type Chain = Awaited<ReturnType<typeof startProtocolChain>>;

async function main(): Promise<void> {
  const burns = Number(process.argv[2] ?? 100_000);
  const perBlock = Number(process.argv[3] ?? 10);
  const chain = await startProtocolChain();
  const database = await openBenchDatabase(process.env.DATABASE_URL);
  try {
    const seedStart = performance.now();
    await seedSells(chain, burns, perBlock);
    const seconds = (performance.now() - seedStart) / 1000;
    console.log(`seeded ${burns} sells, ${perBlock} per block, in ${seconds.toFixed(1)} s`);

    const { prisma } = database.db;
    const { kind, url } = database.db;
    const writer = kind === "postgres" ? createPgSqlWriter(url) : createPrismaSqlWriter(prisma);
    const indexer = createIndexer({
      prisma,
      writer,
      client: chain.client,
      manifest: chain.manifest,
      log: () => {},
    });
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    const result = await indexer.syncOnce();
    const elapsed = (performance.now() - start) / 1000;
    clearInterval(sampler);
    await writer.close();
    const burned = await prisma.soraBurn.count();
    const blocks = Number(result.to - result.from + 1n);
    const perSecond = (count: number) => Math.round(count / elapsed).toLocaleString("en-US");
    console.log(
      `backfill into ${database.db.kind}: ${blocks} blocks, ${result.rows} rows (${burned} burns) in ${elapsed.toFixed(2)} s: ` +
        `${perSecond(burned)} burns/s, ${perSecond(result.rows)} rows/s, ${perSecond(blocks)} blocks/s, ` +
        `peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`,
    );
  } finally {
    await database.drop();
    await chain.anvil.stop();
  }
}

/**
 * `count` sells of SORA into the pool, `perBlock` in each block: alice buys SORA with quota and
 * hands it to Multicall3, whose every transaction then sells `perBlock` times (one SoraBurned,
 * Swap and Sync each).
 */
async function seedSells(chain: Chain, count: number, perBlock: number): Promise<void> {
  const { actors, deployer, members, manifest } = chain;
  const { alice } = members;
  const { sora, soraLumaPool, multicall3, luma } = manifest.contracts;
  await actors.optionStake(alice, parseUnits("10000000", 18));
  await confirm(
    deployer,
    await deployer.writeContract({
      address: luma,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [alice, parseUnits("100", 18)],
    }),
  );
  await actors.buySora(alice, parseUnits("10", 18));
  const balance = await actors.read.balance(sora, alice);
  const amount = balance / BigInt(count);
  const send = (data: Hex, to: Address, gas: number) => ({
    from: alice,
    to,
    data,
    gas: numberToHex(gas),
  });
  await sendAll(chain, [
    send(
      encodeFunctionData({ abi: soraAbi, functionName: "transfer", args: [multicall3, balance] }),
      sora,
      200_000,
    ),
    send(
      aggregate(
        sora,
        encodeFunctionData({ abi: soraAbi, functionName: "approve", args: [soraLumaPool, maxUint256] }),
        1,
      ),
      multicall3,
      200_000,
    ),
  ]);
  const sell = encodeFunctionData({
    abi: soraLumaPoolAbi,
    functionName: "swapExactIn",
    args: [sora, amount, 0n, multicall3],
  });
  const txs = [];
  for (let left = count; left > 0; left -= perBlock) {
    const sells = Math.min(perBlock, left);
    txs.push(send(aggregate(soraLumaPool, sell, sells), multicall3, 100_000 + 120_000 * sells));
  }
  await sendAll(chain, txs);
}

/** Multicall3 `aggregate3` calldata calling `target` with `callData` `times` times. */
function aggregate(target: Address, callData: Hex, times: number): Hex {
  const calls = Array.from({ length: times }, () => ({ target, allowFailure: false, callData }));
  return encodeFunctionData({ abi: multicall3Abi, functionName: "aggregate3", args: [calls] });
}

/**
 * Sends transactions from unlocked accounts one after another with `eth_sendTransactionSync`
 * (anvil mines each in its own block and answers with the receipt).
 */
async function sendAll(chain: Chain, txs: readonly object[]): Promise<void> {
  const request = chain.client.request as unknown as (args: {
    method: string;
    params: unknown[];
  }) => Promise<{
    status: Hex;
  }>;
  for (const tx of txs) {
    const receipt = await request({ method: "eth_sendTransactionSync", params: [tx] });
    if (receipt.status !== "0x1") throw new Error("seeding failed: a transaction reverted");
  }
}

/** PGlite in a temporary folder, or a throwaway database on the PostgreSQL server at `serverUrl`. */
async function openBenchDatabase(serverUrl: string | undefined) {
  if (serverUrl === undefined) {
    const dir = await mkdtemp(join(tmpdir(), "luma-indexer-bench-"));
    const db = await openDatabase(createDbConfig({ LUMA_DATA_DIR: dir }));
    return {
      db,
      async drop() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `luma_bench_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(createDbConfig({ DATABASE_URL: url.toString() }));
  return {
    db,
    async drop() {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await main();
