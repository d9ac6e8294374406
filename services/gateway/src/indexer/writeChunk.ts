import type { Prisma, PrismaClient } from "@luma-pulse/db";
import type { BlockHeader } from "./BlockHeader.ts";
import type { EventRows } from "./EventRows.ts";
import { eventTables, type TableSpec } from "./eventTables.ts";
import { unnestInsert } from "./unnestInsert.ts";

type IndexedBlockRow = { chainId: number; number: bigint; hash: string; parentHash: string; timestamp: Date };

const indexedBlockTable: TableSpec<IndexedBlockRow> = {
  table: "IndexedBlock",
  columns: { chainId: "int", number: "bigint", hash: "text", parentHash: "text", timestamp: "timestamptz" },
};

/**
 * Writes one chunk in ONE batch transaction: each event table with one `INSERT … FROM unnest(…)
 * ON CONFLICT DO NOTHING` (a chunk written twice adds nothing), the chunk's IndexedBlock rows and
 * the cursor at `cursor`. Batch form, not an interactive transaction, so nothing holds PGlite's
 * single connection between statements.
 *
 * @returns the event rows actually inserted (pool snapshots included, blocks and cursor not)
 */
export async function writeChunk(
  prisma: PrismaClient,
  chunk: {
    chainId: number;
    cursorName: string;
    rows: EventRows;
    blocks: readonly BlockHeader[];
    cursor: BlockHeader;
  },
): Promise<number> {
  const { chainId, cursorName, rows, blocks, cursor } = chunk;
  const events: Prisma.PrismaPromise<number>[] = [];
  for (const key of Object.keys(eventTables) as (keyof EventRows)[]) {
    if (rows[key].length === 0) continue;
    const { sql, params } = unnestInsert(eventTables[key] as TableSpec<unknown>, rows[key]);
    events.push(prisma.$executeRawUnsafe(sql, ...params));
  }
  const blockRows = blocks.map((block) => ({
    chainId,
    number: block.number,
    hash: block.hash.toLowerCase(),
    parentHash: block.parentHash.toLowerCase(),
    timestamp: new Date(Number(block.timestamp) * 1000),
  }));
  const insertBlocks = unnestInsert(indexedBlockTable, blockRows);
  const position = { lastBlockNumber: cursor.number, lastBlockHash: cursor.hash.toLowerCase() };
  const results = await prisma.$transaction([
    ...events,
    prisma.$executeRawUnsafe(insertBlocks.sql, ...insertBlocks.params),
    prisma.indexerCursor.upsert({
      where: { chainId_name: { chainId, name: cursorName } },
      create: { chainId, name: cursorName, ...position },
      update: position,
    }),
  ]);
  return results.slice(0, events.length).reduce<number>((sum, count) => sum + Number(count), 0);
}
