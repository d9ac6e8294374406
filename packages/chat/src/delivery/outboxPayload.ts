import { z } from "zod";
import type { BurnEvent } from "../gateway/operations/soraBurnedEvent.ts";

const decimal = z.string().regex(/^(0|[1-9]\d*)$/);

/** What an outbox row holds (JSON has no bigint: amounts and the block as decimal strings). */
const storedPayload = z.object({
  burn: z.object({
    id: z.string(),
    amount: decimal,
    reason: z.enum(["SELL", "BUYBACK"]),
    totalBurned: decimal,
    txHash: z.string(),
    blockNumber: decimal,
    time: z.iso.datetime(),
  }),
  /** Milestone rows: the burned share (whole percent) the burn crossed. */
  percent: z.number().int().optional(),
});

export type OutboxPayload = z.input<typeof storedPayload>;

/** The payload of a burn's row, or of a milestone it crossed. */
export function outboxPayload(burn: BurnEvent, percent?: number): OutboxPayload {
  return {
    burn: {
      id: burn.id,
      amount: burn.amount.toString(),
      reason: burn.reason,
      totalBurned: burn.totalBurned.toString(),
      txHash: burn.txHash,
      blockNumber: burn.blockNumber.toString(),
      time: burn.time.toISOString(),
    },
    ...(percent === undefined ? {} : { percent }),
  };
}

/** A row's payload read back; undefined when it is not one (the row is dropped, not retried). */
export function parseOutboxPayload(json: unknown): { burn: BurnEvent; percent?: number } | undefined {
  const parsed = storedPayload.safeParse(json);
  if (!parsed.success) return undefined;
  const { burn, percent } = parsed.data;
  return {
    burn: {
      ...burn,
      amount: BigInt(burn.amount),
      totalBurned: BigInt(burn.totalBurned),
      blockNumber: BigInt(burn.blockNumber),
      time: new Date(burn.time),
    },
    percent,
  };
}
