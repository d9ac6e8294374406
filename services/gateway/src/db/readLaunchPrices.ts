import { fromDecimal, type PrismaClient } from "@luma-pulse/db";

/** The first indexed reserves of a pool (its genesis liquidity), or undefined before indexing. */
export async function readFirstReserves(
  prisma: PrismaClient,
  chainId: number,
  pool: string,
): Promise<readonly [bigint, bigint] | undefined> {
  const first = await prisma.poolSnapshot.findFirst({
    where: { chainId, pool: pool.toLowerCase() },
    orderBy: { blockNumber: "asc" },
    select: { reserve0: true, reserve1: true },
  });
  return first ? [fromDecimal(first.reserve0), fromDecimal(first.reserve1)] : undefined;
}
