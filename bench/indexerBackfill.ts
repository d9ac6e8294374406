/**
 * Prints how fast the indexer backfills SORA burns from anvil into the embedded database:
 * `npx tsx bench/indexerBackfill.ts [sells]` (default 5000 sells, one block each).
 * Each sell is a SoraBurned, a SoraTrade (Swap) and a pool snapshot (Sync). With DATABASE_URL set
 * (an empty, throwaway database: the bench writes to it) it measures PostgreSQL instead of PGlite.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { confirm } from "@luma-pulse/devnet";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { createIndexer } from "../services/gateway/src/indexer/index.ts";
import { startProtocolChain } from "../services/gateway/test/startProtocolChain.ts";

async function main(): Promise<void> {
  const sells = Number(process.argv[2] ?? 5000);
  const chain = await startProtocolChain();
  const dir = await mkdtemp(join(tmpdir(), "luma-indexer-bench-"));
  const db = await openDatabase(
    createDbConfig({ LUMA_DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL }),
  );
  try {
    const { actors, deployer, members } = chain;
    const { alice } = members;
    // A whale's stake for quota, then one buy of all the SORA that the sells will burn.
    await actors.optionStake(alice, parseUnits("10000000", 18));
    await confirm(
      deployer,
      await deployer.writeContract({
        address: chain.manifest.contracts.luma,
        abi: mintableTokenAbi,
        functionName: "mint",
        args: [alice, parseUnits("100", 18)],
      }),
    );
    await actors.buySora(alice, parseUnits("10", 18));
    const seedStart = performance.now();
    for (let i = 0; i < sells; i++) await actors.sellSora(alice, parseUnits("1", 18));
    console.log(`seeded ${sells} sells in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const indexer = createIndexer({
      prisma: db.prisma,
      client: chain.client,
      manifest: chain.manifest,
      log: () => {},
    });
    const start = performance.now();
    const result = await indexer.syncOnce();
    const seconds = (performance.now() - start) / 1000;
    const burns = await db.prisma.soraBurn.count();
    const blocks = Number(result.to - result.from + 1n);
    console.log(
      `backfill into ${db.kind}: ${blocks} blocks, ${result.rows} rows (${burns} burns) in ${seconds.toFixed(2)} s: ` +
        `${Math.round(burns / seconds)} burns/s, ${Math.round(result.rows / seconds)} rows/s, ${Math.round(blocks / seconds)} blocks/s`,
    );
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
    await chain.anvil.stop();
  }
}

await main();
