import { fromDecimal, type PrismaClient } from "@luma-pulse/db";

export type IndexGrowth = {
  fromEpoch: bigint;
  toEpoch: bigint;
  /** index(to) / index(from), as a float factor near 1 (a ratio, not an amount). */
  factor: number;
  seconds: number;
};

/**
 * The rebase index's measured growth over the `days` before the latest indexed epoch, from the
 * indexed `Rebase` events (chain time). Undefined until there are two epochs that far apart.
 */
export async function readIndexGrowth(
  prisma: PrismaClient,
  chainId: number,
  days: number,
): Promise<IndexGrowth | undefined> {
  const latest = await prisma.rebase.findFirst({ where: { chainId }, orderBy: { epoch: "desc" } });
  if (!latest) return undefined;
  const since = new Date(latest.epochTime.getTime() - days * 86_400_000);
  const start = await prisma.rebase.findFirst({
    where: { chainId, epochTime: { lte: since } },
    orderBy: { epoch: "desc" },
  });
  if (!start) return undefined;
  const [to, from] = [fromDecimal(latest.index), fromDecimal(start.index)];
  const PRECISION = 10n ** 12n;
  return {
    fromEpoch: start.epoch,
    toEpoch: latest.epoch,
    factor: Number((to * PRECISION) / from) / Number(PRECISION),
    seconds: (latest.epochTime.getTime() - start.epochTime.getTime()) / 1000,
  };
}
