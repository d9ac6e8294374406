import type { BlockHeader } from "./BlockHeader.ts";
import { type RangeContext, readBlockRange } from "./readBlockRange.ts";
import { writeChunk } from "./writeChunk.ts";

export type { RangeContext } from "./readBlockRange.ts";

/**
 * Indexes blocks `from`..`to` (inclusive): {@link readBlockRange}, then one write transaction that
 * also moves the cursor to `to`. The indexer's own loop does the same two steps, overlapped.
 *
 * @returns the event rows inserted and the header the cursor now points at
 * @throws {ReorgDuringChunkError} when the chain changed under or during the chunk; nothing is written
 */
export async function indexBlockRange(
  context: RangeContext,
  range: { from: bigint; to: bigint; parentHash: string | undefined },
): Promise<{ rows: number; cursor: BlockHeader }> {
  const chunk = await readBlockRange(context, range);
  const rows = await writeChunk(context.writer, {
    chainId: context.manifest.chainId,
    cursorName: context.cursorName,
    rows: chunk.rows,
    blocks: chunk.blocks,
    cursor: chunk.cursor,
  });
  return { rows, cursor: chunk.cursor };
}
