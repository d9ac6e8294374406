import { fromDecimal, type PrismaClient } from "@luma-pulse/db";

/**
 * LUMA added to supply in the window ending at `until` (chain time), from the index: minted by
 * rebases and option rewards (claims, early releases and their fees), minus LUMA burned from fees.
 */
export async function readLumaNetMinted(
  prisma: PrismaClient,
  chainId: number,
  until: Date,
  days: number,
): Promise<bigint> {
  const where = { chainId, blockTime: { gt: new Date(until.getTime() - days * 86_400_000), lte: until } };
  const [rebases, claims, releases, fees] = await Promise.all([
    prisma.rebase.aggregate({ where, _sum: { lumaMinted: true } }),
    prisma.optionClaim.aggregate({ where, _sum: { amount: true } }),
    prisma.optionEarlyRelease.aggregate({ where, _sum: { paidOut: true, fee: true } }),
    prisma.feeCollection.aggregate({ where, _sum: { lumaBurned: true } }),
  ]);
  const sum = (value: Parameters<typeof fromDecimal>[0] | null) => (value ? fromDecimal(value) : 0n);
  return (
    sum(rebases._sum.lumaMinted) +
    sum(claims._sum.amount) +
    sum(releases._sum.paidOut) +
    sum(releases._sum.fee) -
    sum(fees._sum.lumaBurned)
  );
}
