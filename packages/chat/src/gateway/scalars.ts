import { z } from "zod";

/**
 * The gateway's `BigInt` scalar: an integer as a decimal string, parsed to a bigint. Amounts never
 * pass through a JavaScript number, which would round anything above 2^53.
 */
export const bigIntString = z
  .string()
  .regex(/^-?(0|[1-9]\d*)$/, "a decimal integer string")
  .transform((value) => BigInt(value));

/** The gateway's `DateTime` scalar: ISO 8601 in UTC. */
export const dateTimeString = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "an ISO 8601 date")
  .transform((value) => new Date(value));

/** A decimal number the gateway computed and sends as text ("76.70", "0.0300000000"): kept as text. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal string");

/** `TokenAmount { raw decimals symbol }`: exact base units, and what it takes to show them. */
export const tokenAmount = z.object({
  raw: bigIntString,
  decimals: z.number().int().min(0).max(255),
  symbol: z.string(),
});
export type TokenAmount = z.output<typeof tokenAmount>;
/** The selection that {@link tokenAmount} parses. */
export const TOKEN_AMOUNT = "raw decimals symbol";

/** `Block { number timestamp }`: the block an answer was read at. */
export const block = z.object({ number: bigIntString, timestamp: dateTimeString });
export type BlockRef = z.output<typeof block>;
export const BLOCK = "number timestamp";

/** `YieldFigure { percent basis }`. */
export const yieldFigure = z.object({ percent: decimalString, basis: z.string() });
export type YieldFigure = z.output<typeof yieldFigure>;
export const YIELD_FIGURE = "percent basis";
