import type { Prisma, PrismaClient } from "@luma-pulse/db";
import type { BlockHeader } from "./BlockHeader.ts";
import type { EventRows } from "./EventRows.ts";

/** Rows per INSERT: keeps each statement far below PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Writes one chunk in ONE batch transaction: the event rows (createMany, skipDuplicates: a chunk
 * written twice adds nothing), the chunk's IndexedBlock rows and the cursor at `cursor`. Batch form,
 * not an interactive transaction, so nothing holds PGlite's single connection between statements.
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
  const events: Prisma.PrismaPromise<Prisma.BatchPayload>[] = [];
  const add = <T>(data: T[], insert: (data: T[]) => Prisma.PrismaPromise<Prisma.BatchPayload>) => {
    for (let i = 0; i < data.length; i += ROWS_PER_STATEMENT)
      events.push(insert(data.slice(i, i + ROWS_PER_STATEMENT)));
  };
  const skipDuplicates = true;
  add(rows.soraBurn, (data) => prisma.soraBurn.createMany({ data, skipDuplicates }));
  add(rows.optionStake, (data) => prisma.optionStake.createMany({ data, skipDuplicates }));
  add(rows.optionClaim, (data) => prisma.optionClaim.createMany({ data, skipDuplicates }));
  add(rows.optionEarlyRelease, (data) => prisma.optionEarlyRelease.createMany({ data, skipDuplicates }));
  add(rows.rebaseStake, (data) => prisma.rebaseStake.createMany({ data, skipDuplicates }));
  add(rows.rebaseUnstake, (data) => prisma.rebaseUnstake.createMany({ data, skipDuplicates }));
  add(rows.rebase, (data) => prisma.rebase.createMany({ data, skipDuplicates }));
  add(rows.feeCollection, (data) => prisma.feeCollection.createMany({ data, skipDuplicates }));
  add(rows.buyback, (data) => prisma.buyback.createMany({ data, skipDuplicates }));
  add(rows.soraQuotaGrant, (data) => prisma.soraQuotaGrant.createMany({ data, skipDuplicates }));
  add(rows.soraTrade, (data) => prisma.soraTrade.createMany({ data, skipDuplicates }));
  add(rows.poolSnapshot, (data) => prisma.poolSnapshot.createMany({ data, skipDuplicates }));
  add(rows.parameterChange, (data) => prisma.parameterChange.createMany({ data, skipDuplicates }));

  const blockRows = blocks.map((block) => ({
    chainId,
    number: block.number,
    hash: block.hash.toLowerCase(),
    parentHash: block.parentHash.toLowerCase(),
    timestamp: new Date(Number(block.timestamp) * 1000),
  }));
  const position = { lastBlockNumber: cursor.number, lastBlockHash: cursor.hash.toLowerCase() };
  const results = await prisma.$transaction([
    ...events,
    prisma.indexedBlock.createMany({ data: blockRows, skipDuplicates }),
    prisma.indexerCursor.upsert({
      where: { chainId_name: { chainId, name: cursorName } },
      create: { chainId, name: cursorName, ...position },
      update: position,
    }),
  ]);
  return results
    .slice(0, events.length)
    .reduce((sum, result) => sum + (result as Prisma.BatchPayload).count, 0);
}
