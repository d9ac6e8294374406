import { type RangeContext, type ReadChunk, readBlockRange } from "./readBlockRange.ts";
import type { IndexedTip } from "./reconcileCursor.ts";
import { writeChunk } from "./writeChunk.ts";

/** Blocks in the first chunk of a sync: grows to `chunkSize` unless the logs get dense. */
const FIRST_SPAN = 100n;
/** Protocol logs a chunk aims for: bounds one getLogs answer and the rows held in memory. */
const TARGET_LOGS = 5_000;

/** Blocks `from`..`to` were indexed, inserting `rows` event rows; `to < from` when there was nothing to do. */
export interface SyncResult {
  from: bigint;
  to: bigint;
  rows: number;
}

/**
 * Indexes from after `tip` (or the start block) up to `head`, chunk by chunk, reading the next
 * chunk (getLogs + headers) while the current one is written: the chain and the database work at
 * the same time. Chunks still commit one after another, each with its cursor, so a stop or a
 * failure leaves a cursor with nothing missing below it. Chunk spans adapt to the log density:
 * at most `chunkSize` blocks, fewer where a block range holds more than ~{@link TARGET_LOGS} logs
 * (about 5 MB of JSON: well below viem's 10 MB cap on an http answer).
 *
 * @param onCommitted runs after each chunk's transaction commits
 */
export async function indexUpTo(
  context: RangeContext,
  options: {
    tip: IndexedTip | undefined;
    head: bigint;
    chunkSize: bigint;
    signal: AbortSignal | undefined;
    onCommitted: (chunk: SyncResult) => void;
  },
): Promise<SyncResult> {
  const { head, chunkSize, signal } = options;
  const from = (options.tip?.number ?? context.manifest.startBlock - 1n) + 1n;
  let span = chunkSize < FIRST_SPAN ? chunkSize : FIRST_SPAN;
  let rows = 0;
  let last = from - 1n;
  const read = (start: bigint, parentHash: string | undefined) => {
    const to = start + span - 1n < head ? start + span - 1n : head;
    const reading = readBlockRange(context, { from: start, to, parentHash });
    reading.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    return reading;
  };
  const write = async (chunk: ReadChunk) => {
    const written = await writeChunk(context.writer, {
      chainId: context.manifest.chainId,
      cursorName: context.cursorName,
      rows: chunk.rows,
      blocks: chunk.blocks,
      cursor: chunk.cursor,
    });
    rows += written;
    last = chunk.to;
    options.onCommitted({ from: chunk.from, to: chunk.to, rows: written });
  };

  if (from > head || signal?.aborted) return { from, to: last, rows };
  let reading: Promise<ReadChunk> | undefined = read(from, options.tip?.hash);
  let writing: Promise<void> = Promise.resolve();
  try {
    while (reading) {
      const chunk = await reading;
      reading = undefined;
      span = nextSpan(span, chunk, chunkSize);
      await writing; // the previous chunk is committed before this one is written
      if (signal?.aborted) break;
      if (chunk.to < head) reading = read(chunk.to + 1n, chunk.cursor.hash.toLowerCase());
      writing = write(chunk);
      writing.catch(() => undefined);
    }
    await writing;
  } finally {
    // A failed read must not leave a write running unobserved: the caller's next sync starts from
    // the cursor that write may still move.
    await writing.catch(() => undefined);
  }
  return { from, to: last, rows };
}

/** Twice the span, but no more blocks than the last chunk's log density allows for the target. */
function nextSpan(span: bigint, chunk: ReadChunk, chunkSize: bigint): bigint {
  const blocks = chunk.to - chunk.from + 1n;
  const dense = chunk.logCount > 0 ? (blocks * BigInt(TARGET_LOGS)) / BigInt(chunk.logCount) : chunkSize;
  const next = span * 2n < dense ? span * 2n : dense;
  if (next < 1n) return 1n;
  return next > chunkSize ? chunkSize : next;
}
