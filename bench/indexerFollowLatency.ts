/**
 * Prints how long a SORA burn takes from being mined on anvil to being committed by the following
 * indexer (the moment `onChunk` fires, which is what GraphQL subscriptions are fed from):
 * `npx tsx bench/indexerFollowLatency.ts [burns=100]`. Runs twice: with the new-head WebSocket
 * subscription, then polling only (INDEXER_POLL_INTERVAL_MS default). Embedded PGlite.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { confirm } from "@luma-pulse/devnet";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import {
  createIndexer,
  DEFAULT_POLL_INTERVAL_MS,
  webSocketUrlOf,
} from "../services/gateway/src/indexer/index.ts";
import { startProtocolChain } from "../services/gateway/test/startProtocolChain.ts";

type Chain = Awaited<ReturnType<typeof startProtocolChain>>;

async function main(): Promise<void> {
  const burns = Number(process.argv[2] ?? 100);
  const chain = await startProtocolChain();
  const { alice } = chain.members;
  await chain.actors.optionStake(alice, parseUnits("1000000", 18));
  await confirm(
    chain.deployer,
    await chain.deployer.writeContract({
      address: chain.manifest.contracts.luma,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [alice, parseUnits("10", 18)],
    }),
  );
  await chain.actors.buySora(alice, parseUnits("1", 18));
  try {
    for (const mode of ["websocket", "polling"] as const) {
      const latencies = await measure(chain, burns, mode);
      console.log(
        `${mode === "websocket" ? "new-head subscription" : `polling every ${DEFAULT_POLL_INTERVAL_MS} ms`}: ` +
          `${burns} burns mined → committed: p50 ${percentile(latencies, 0.5)} ms, ` +
          `p95 ${percentile(latencies, 0.95)} ms, max ${percentile(latencies, 1)} ms`,
      );
    }
  } finally {
    await chain.anvil.stop();
  }
}

async function measure(chain: Chain, burns: number, mode: "websocket" | "polling"): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), "luma-follow-bench-"));
  const db = await openDatabase(createDbConfig({ LUMA_DATA_DIR: dir }));
  const committed: { to: bigint; at: number }[] = [];
  const indexer = createIndexer({
    prisma: db.prisma,
    client: chain.client,
    manifest: chain.manifest,
    log: () => {},
    webSocketUrl: mode === "websocket" ? webSocketUrlOf(chain.anvil.rpcUrl) : undefined,
    onChunk: (chunk) => committed.push({ to: chunk.to, at: performance.now() }),
  });
  try {
    await indexer.syncOnce();
    indexer.start();
    const latencies: number[] = [];
    for (let i = 0; i < burns; i++) {
      // Burns at irregular moments, so they land anywhere in a poll interval.
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      const sent = await chain.actors.sellSora(chain.members.alice, parseUnits("0.0001", 18));
      const minedAt = performance.now(); // eth_sendTransactionSync answers once the block is mined
      const receipt = await chain.client.getTransactionReceipt({ hash: sent.transactionHash });
      const at = await waitFor(() => committed.find((chunk) => chunk.to >= receipt.blockNumber)?.at);
      latencies.push(at - minedAt);
    }
    return latencies;
  } finally {
    await indexer.stop();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitFor(value: () => number | undefined): Promise<number> {
  for (;;) {
    const found = value();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN);
}

await main();
