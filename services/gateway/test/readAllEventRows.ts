import type { PrismaClient } from "@luma-pulse/db";

/** Every event row in a comparable form (no ids, bigints as `123n`), table by table. */
export async function readAllEventRows(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const order = [{ blockNumber: "asc" as const }, { id: "asc" as const }];
  const tables = {
    soraBurn: await prisma.soraBurn.findMany({ orderBy: order }),
    optionStake: await prisma.optionStake.findMany({ orderBy: order }),
    optionClaim: await prisma.optionClaim.findMany({ orderBy: order }),
    optionEarlyRelease: await prisma.optionEarlyRelease.findMany({ orderBy: order }),
    rebaseStake: await prisma.rebaseStake.findMany({ orderBy: order }),
    rebaseUnstake: await prisma.rebaseUnstake.findMany({ orderBy: order }),
    rebase: await prisma.rebase.findMany({ orderBy: order }),
    feeCollection: await prisma.feeCollection.findMany({ orderBy: order }),
    buyback: await prisma.buyback.findMany({ orderBy: order }),
    soraQuotaGrant: await prisma.soraQuotaGrant.findMany({ orderBy: order }),
    soraTrade: await prisma.soraTrade.findMany({ orderBy: order }),
    poolSnapshot: await prisma.poolSnapshot.findMany({ orderBy: order }),
    parameterChange: await prisma.parameterChange.findMany({ orderBy: order }),
  };
  return Object.fromEntries(
    Object.entries(tables).map(([table, rows]) => [
      table,
      rows.map(({ id: _id, ...row }) =>
        JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)),
      ),
    ]),
  );
}
