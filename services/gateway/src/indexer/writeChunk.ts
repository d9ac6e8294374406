import type { BlockHeader } from "./BlockHeader.ts";
import type { EventRows } from "./EventRows.ts";
import { eventTables, type TableSpec } from "./eventTables.ts";
import type { SqlStatement, SqlWriter } from "./SqlWriter.ts";
import { unnestInsert } from "./unnestInsert.ts";

type IndexedBlockRow = { chainId: number; number: bigint; hash: string; parentHash: string; timestamp: Date };

const indexedBlockTable: TableSpec<IndexedBlockRow> = {
  table: "IndexedBlock",
  columns: { chainId: "int", number: "bigint", hash: "text", parentHash: "text", timestamp: "timestamptz" },
};

/**
 * Writes one chunk in ONE batch transaction: each event table with one `INSERT … FROM unnest(…)
 * ON CONFLICT DO NOTHING` (a chunk written twice adds nothing), the chunk's IndexedBlock rows and
 * the cursor at `cursor`.
 *
 * @returns the event rows actually inserted (pool snapshots included, blocks and cursor not)
 */
export async function writeChunk(
  writer: SqlWriter,
  chunk: {
    chainId: number;
    cursorName: string;
    rows: EventRows;
    blocks: readonly BlockHeader[];
    cursor: BlockHeader;
  },
): Promise<number> {
  const { chainId, cursorName, rows, blocks, cursor } = chunk;
  const events: SqlStatement[] = [];
  for (const key of Object.keys(eventTables) as (keyof EventRows)[]) {
    if (rows[key].length === 0) continue;
    events.push(unnestInsert(eventTables[key] as TableSpec<unknown>, rows[key]));
  }
  const blockRows = blocks.map((block) => ({
    chainId,
    number: block.number,
    hash: block.hash.toLowerCase(),
    parentHash: block.parentHash.toLowerCase(),
    timestamp: new Date(Number(block.timestamp) * 1000),
  }));
  const results = await writer.transaction([
    ...events,
    unnestInsert(indexedBlockTable, blockRows),
    {
      sql: `INSERT INTO "IndexerCursor" ("chainId", "name", "lastBlockNumber", "lastBlockHash", "updatedAt")
            VALUES ($1, $2, $3::bigint, $4, now())
            ON CONFLICT ("chainId", "name") DO UPDATE
            SET "lastBlockNumber" = EXCLUDED."lastBlockNumber", "lastBlockHash" = EXCLUDED."lastBlockHash", "updatedAt" = now()`,
      params: [chainId, cursorName, cursor.number.toString(), cursor.hash.toLowerCase()],
    },
  ]);
  return results.slice(0, events.length).reduce((sum, count) => sum + count, 0);
}
