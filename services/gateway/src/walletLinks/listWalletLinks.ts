import type { PrismaClient } from "@luma-pulse/db";
import type { ChatPlatform } from "./ChatPlatform.ts";

/** A chat user's active (unrevoked) wallet links, oldest first. */
export function listWalletLinks(prisma: PrismaClient, platform: ChatPlatform, userId: string) {
  return prisma.walletLink.findMany({
    where: { platform, userId, revokedAt: null },
    orderBy: [{ linkedAt: "asc" }, { id: "asc" }],
  });
}
