/** Where an event sits on the chain. Event ids and resume points are ordered by it. */
export interface EventPosition {
  blockNumber: bigint;
  logIndex: number;
}

/** Above any real log index: `{ blockNumber: n, logIndex: LAST_LOG_INDEX }` means "all of block n". */
export const LAST_LOG_INDEX = 2 ** 31 - 1;

/** The position just after every event of `blockNumber`. */
export const endOfBlock = (blockNumber: bigint): EventPosition => ({ blockNumber, logIndex: LAST_LOG_INDEX });

/** Negative when `a` comes first, 0 when equal, positive when `b` does. */
export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/**
 * The Prisma `where` that selects a chain's events after `after` and, if given, up to the end of
 * block `through`. Every event table has these columns (and an index on chainId + blockNumber).
 */
export function whereAfter(chainId: number, after: EventPosition, through?: bigint) {
  return {
    chainId,
    AND: [
      {
        OR: [
          { blockNumber: { gt: after.blockNumber } },
          { blockNumber: after.blockNumber, logIndex: { gt: after.logIndex } },
        ],
      },
      ...(through === undefined ? [] : [{ blockNumber: { lte: through } }]),
    ],
  };
}
