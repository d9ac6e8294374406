import { Prisma, type PrismaClient } from "@luma-pulse/db";
import { type BurnFilter, burnFilterSql } from "./readBurnPage.ts";

/**
 * How many burns match `filter` (all pages together): one query, asked only when a client selects
 * `totalCount`, since counting walks every matching index entry (about 40 ms per 200k burns).
 */
export async function readBurnCount(
  prisma: PrismaClient,
  chainId: number,
  filter: BurnFilter,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>(Prisma.sql`
    SELECT count(*)::int AS "count" FROM "SoraBurn" WHERE ${burnFilterSql(chainId, filter)}`);
  return row?.count ?? 0;
}
