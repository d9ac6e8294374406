import { z } from "zod";
import { BLOCK, block, TOKEN_AMOUNT, tokenAmount } from "../scalars.ts";
import { burnReason } from "./getLatestBurns.ts";

/**
 * The burn stream the alert pipeline will follow. Subscriptions (GraphQL over SSE, resumable with
 * `after: <last id>`) come with the Telegram bot's outbox; this package has the document and the
 * parser of one event, so the stream's consumer only has to carry bytes.
 */
export const SORA_BURNED_DOCUMENT = `subscription ChatBurns($after: String) {
  soraBurned(after: $after) { id amount { ${TOKEN_AMOUNT} } reason totalBurned { ${TOKEN_AMOUNT} } txHash block { ${BLOCK} } }
}`;

const soraBurnedEvent = z.object({
  id: z.string(),
  amount: tokenAmount,
  reason: burnReason,
  totalBurned: tokenAmount,
  txHash: z.string(),
  block,
});

/** One burn as the alert pipeline routes it: amounts in SORA base units. */
export type BurnEvent = {
  /** The stream's opaque, ordered id: the outbox's dedup key and the resume point. */
  id: string;
  amount: bigint;
  reason: "SELL" | "BUYBACK";
  /** Total burned after this burn. */
  totalBurned: bigint;
  txHash: string;
  blockNumber: bigint;
  time: Date;
};

/** A `soraBurned` event's `data` (`{ soraBurned: {...} }`) as a {@link BurnEvent}; undefined when malformed. */
export function parseSoraBurnedEvent(data: unknown): BurnEvent | undefined {
  const parsed = z.object({ soraBurned: soraBurnedEvent }).safeParse(data);
  if (!parsed.success) return undefined;
  const event = parsed.data.soraBurned;
  return {
    id: event.id,
    amount: event.amount.raw,
    reason: event.reason,
    totalBurned: event.totalBurned.raw,
    txHash: event.txHash,
    blockNumber: event.block.number,
    time: event.block.timestamp,
  };
}
