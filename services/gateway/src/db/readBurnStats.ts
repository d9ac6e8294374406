import { fromDecimal, type PrismaClient } from "@luma-pulse/db";

export type BurnStats = {
  burned24h: bigint;
  burned7d: bigint;
  burns24h: number;
};

const HOUR = 3_600_000;

/**
 * SORA burned in the 24 hours and 7 days before `until` (the chain's time: the devnet runs ahead of
 * the clock, and "the last 24h" means the chain's), summed in the database.
 */
export async function readBurnStats(prisma: PrismaClient, chainId: number, until: Date): Promise<BurnStats> {
  const since = (hours: number) => new Date(until.getTime() - hours * HOUR);
  const window = (hours: number) => ({ chainId, blockTime: { gt: since(hours), lte: until } });
  const [day, week] = await Promise.all([
    prisma.soraBurn.aggregate({ where: window(24), _sum: { amount: true }, _count: true }),
    prisma.soraBurn.aggregate({ where: window(24 * 7), _sum: { amount: true } }),
  ]);
  return {
    burned24h: day._sum.amount ? fromDecimal(day._sum.amount) : 0n,
    burned7d: week._sum.amount ? fromDecimal(week._sum.amount) : 0n,
    burns24h: day._count,
  };
}
