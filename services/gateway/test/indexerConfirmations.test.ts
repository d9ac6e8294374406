import { beforeAll, describe, expect, it } from "vitest";
import { createIndexer } from "../src/indexer/index.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

let chain: Awaited<ReturnType<typeof setupChain>>;

beforeAll(async () => {
  chain = await setupChain();
}, 120_000);

describe("indexer with INDEXER_CONFIRMATIONS", () => {
  it("indexes up to the head minus the confirmations, and counts that as caught up", async () => {
    const db = await setupDatabase();
    const indexer = createIndexer({
      prisma: db.prisma,
      client: chain.client,
      manifest: chain.manifest,
      confirmations: 3,
      log: () => {},
    });
    await indexer.syncOnce();
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    expect(indexer.status()).toEqual({ headBlock: head, indexedBlock: head - 3n, lagBlocks: 0n });

    await chain.deployer.mine({ blocks: 5 });
    await indexer.syncOnce();
    expect(indexer.status()).toEqual({ headBlock: head + 5n, indexedBlock: head + 2n, lagBlocks: 0n });
    const cursor = await db.prisma.indexerCursor.findFirst({ where: { chainId: chain.manifest.chainId } });
    expect(cursor?.lastBlockNumber).toBe(head + 2n);
  });

  it("error: nothing is indexed while the chain is shallower than the confirmations", async () => {
    const db = await setupDatabase();
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    const indexer = createIndexer({
      prisma: db.prisma,
      client: chain.client,
      manifest: { ...chain.manifest, startBlock: head },
      confirmations: 3,
      log: () => {},
    });
    const result = await indexer.syncOnce();
    expect(result.rows).toBe(0);
    expect(result.to).toBeLessThan(result.from);
    expect(indexer.status()).toMatchObject({ indexedBlock: undefined, lagBlocks: 0n });
  });

  it("lets a gateway be ready, its protocol.indexer showing the confirmed block", async () => {
    const gateway = await startReadyGateway(chain, { indexerConfirmations: 3 });
    const indexerStatus = async () => {
      const { body } = await postGraphql(
        gateway.url,
        "{ protocol { indexer { headBlock indexedBlock lagBlocks } } }",
      );
      if (!body.data) throw new Error(JSON.stringify(body));
      return body.data.protocol.indexer as Record<string, string | null>;
    };
    // Ready means within 50 blocks: on this short chain, possibly before the first chunk is written.
    await expect
      .poll(async () => (await indexerStatus()).lagBlocks, { timeout: 30_000, interval: 500 })
      .toBe("0");
    const { headBlock, indexedBlock } = await indexerStatus();
    expect(BigInt(indexedBlock ?? -1)).toBe(BigInt(headBlock ?? 0) - 3n);
  });
});
