import type { PrismaClient, WalletLink } from "@luma-pulse/db";
import type { Address } from "viem";

/**
 * Spends challenge `id` and links `address` to its chat user, in one transaction: the challenge is
 * marked used only if it still is unused and unexpired at `now` (a conditional update, so of two
 * racing completions exactly one gets the row), and the link is created, or revived if it was
 * revoked. `undefined`: the challenge was spent or expired meanwhile, and nothing was written.
 */
export function consumeChallenge(
  prisma: PrismaClient,
  { id, address, chainId, now }: { id: string; address: Address; chainId: number; now: Date },
): Promise<WalletLink | undefined> {
  return prisma.$transaction(async (tx) => {
    const spent = await tx.walletLinkChallenge.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count === 0) return undefined;
    const challenge = await tx.walletLinkChallenge.findUniqueOrThrow({ where: { id } });
    const key = { platform: challenge.platform, userId: challenge.userId, address: address.toLowerCase() };
    // Prisma runs this as one INSERT … ON CONFLICT: two challenges of the user completing with the same
    // wallet at once both succeed, onto one row. Proving the wallet again renews `linkedAt`.
    return tx.walletLink.upsert({
      where: { platform_userId_address: key },
      create: { ...key, chainId, linkedAt: now },
      update: { chainId, linkedAt: now, revokedAt: null },
    });
  });
}
