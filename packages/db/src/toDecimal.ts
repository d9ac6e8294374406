import { Prisma } from "./generated/prisma/client.ts";

/**
 * A bigint (a uint256 from the chain) as the Decimal that Prisma writes to a `Decimal(78, 0)` column.
 * Goes through the decimal string, so all 78 digits survive (a JS number keeps about 16).
 */
export function toDecimal(value: bigint): Prisma.Decimal {
  return new Prisma.Decimal(value.toString());
}
