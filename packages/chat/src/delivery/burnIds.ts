/**
 * The gateway's `soraBurned` event ids (and `burns` cursors): base64url of `burn:<block>:<logIndex>`,
 * in chain order. The gateway calls them opaque; this module is the one place that reads them, for
 * the two things the stream cannot say itself: where "before every burn" is, and whether a stored
 * cursor is past everything the gateway knows (the devnet was reset, or a reorg dropped the burn).
 */
const BURN_ID = /^burn:(0|[1-9]\d{0,19}):(0|[1-9]\d{0,9})$/;

const burnId = (block: bigint, logIndex: number) =>
  Buffer.from(`burn:${block}:${logIndex}`).toString("base64url");

/** Before every burn: block 0 is the genesis block, which has no logs. */
export const BEFORE_FIRST_BURN_ID = burnId(0n, 0);

function positionOf(id: string): { block: bigint; logIndex: number } | undefined {
  const match = BURN_ID.exec(Buffer.from(id, "base64url").toString("utf8"));
  return match ? { block: BigInt(match[1] ?? ""), logIndex: Number(match[2]) } : undefined;
}

/** Whether burn id `a` comes after `b` in chain order; false when either is not a burn id. */
export function isBurnIdAfter(a: string, b: string): boolean {
  const [x, y] = [positionOf(a), positionOf(b)];
  if (!x || !y) return false;
  return x.block > y.block || (x.block === y.block && x.logIndex > y.logIndex);
}
