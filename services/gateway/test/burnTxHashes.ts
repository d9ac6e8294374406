import type { PrismaClient } from "@luma-pulse/db";

/** The transaction hash of every indexed SORA burn, in no particular order. */
export async function burnTxHashes(prisma: PrismaClient): Promise<string[]> {
  return (await prisma.soraBurn.findMany({ select: { txHash: true } })).map((row) => row.txHash);
}
