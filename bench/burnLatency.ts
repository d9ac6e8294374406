/**
 * Prints how long a SORA burn mined on anvil takes to reach GraphQL subscribers over SSE:
 * `npx tsx bench/burnLatency.ts [burns] [subscribers]` (default 100 burns, 1 subscriber).
 *
 * A fresh anvil with the protocol, a gateway on a throwaway PGlite (or on DATABASE_URL: an empty,
 * throwaway PostgreSQL database), `subscribers` SSE subscriptions to `soraBurned`, then `burns` sells
 * one by one with random pauses (so that they land anywhere in the indexer's polling cycle). Each
 * latency runs from just before the sell is sent (anvil mines it within that call) to the moment a
 * subscriber has parsed the event; "after receipt" runs from the mined receipt instead. Also prints
 * the process's peak RSS: the gateway, with the embedded database when PGlite is used.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { confirm } from "@luma-pulse/devnet";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import { parseUnits } from "viem";
import { startGateway } from "../services/gateway/src/startGateway.ts";
import { startProtocolChain } from "../services/gateway/test/startProtocolChain.ts";
import { subscribeOverSse } from "../services/gateway/test/subscribeOverSse.ts";

type Burned = { soraBurned: { txHash: string } };

/** Nearest-rank percentile of ascending `sorted`. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return `${label}: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? Number.NaN)} (${sorted.length} samples)`;
}

async function main(): Promise<void> {
  const burns = Number(process.argv[2] ?? 100);
  const subscriberCount = Number(process.argv[3] ?? 1);
  const chain = await startProtocolChain();
  const dir = await mkdtemp(join(tmpdir(), "luma-latency-bench-"));
  const db = await openDatabase(
    createDbConfig({ LUMA_DATA_DIR: dir, DATABASE_URL: process.env.DATABASE_URL }),
  );
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const { actors, deployer, members, manifest } = chain;
    const { alice } = members;
    // Quota from a whale's stake, then one buy of all the SORA that the sells will burn.
    await actors.optionStake(alice, parseUnits("10000000", 18));
    await confirm(
      deployer,
      await deployer.writeContract({
        address: manifest.contracts.luma,
        abi: mintableTokenAbi,
        functionName: "mint",
        args: [alice, parseUnits("100", 18)],
      }),
    );
    await actors.buySora(alice, parseUnits("10", 18));

    const baselineRss = process.memoryUsage().rss;
    const gateway = await startGateway({ database: db, manifest, port: 0, log: () => {} });
    const subscribers = await Promise.all(
      Array.from({ length: subscriberCount }, () =>
        subscribeOverSse<Burned>(`${gateway.url}/graphql`, "subscription { soraBurned { id txHash } }"),
      ),
    );
    const fromSend: number[] = [];
    const fromReceipt: number[] = [];
    for (let i = 0; i < burns; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      const sent = performance.now();
      const { transactionHash } = await actors.sellSora(alice, parseUnits("1", 18));
      const mined = performance.now();
      await Promise.all(
        subscribers.map(async (subscriber) => {
          const { data, errors } = await subscriber.next(10_000);
          const received = performance.now();
          if (errors || data?.soraBurned.txHash !== transactionHash.toLowerCase()) {
            throw new Error(`unexpected event: ${JSON.stringify({ data, errors })}`);
          }
          fromSend.push(received - sent);
          fromReceipt.push(received - mined);
        }),
      );
    }
    for (const subscriber of subscribers) subscriber.close();
    await gateway.stop();
    console.log(`burn → SSE subscriber, ${burns} burns, ${subscriberCount} subscriber(s), ${db.kind}`);
    console.log(`  ${summary("from send (incl. mining)", fromSend)}`);
    console.log(`  ${summary("after receipt", fromReceipt)}`);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    const what = db.kind === "pglite" ? "gateway + embedded PGlite" : "gateway";
    console.log(
      `  peak RSS ${mb(peakRss)} (this process: ${what}; ${mb(baselineRss)} before the gateway started)`,
    );
  } finally {
    clearInterval(sampler);
    await db.close();
    await rm(dir, { recursive: true, force: true });
    await chain.anvil.stop();
  }
}

await main();
