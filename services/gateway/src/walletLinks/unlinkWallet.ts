import type { PrismaClient, WalletLink } from "@luma-pulse/db";
import type { Address } from "viem";
import { domainError } from "../errors/domainError.ts";
import { type ChatPlatform, chatPlatformNames } from "./ChatPlatform.ts";

/**
 * Revokes a chat user's active link to `address` (the row stays, with `revokedAt`, for the record;
 * linking the wallet again revives it). No active link: UNKNOWN_WALLET_LINK.
 */
export async function unlinkWallet(
  prisma: PrismaClient,
  {
    platform,
    userId,
    address,
    now = new Date(),
  }: { platform: ChatPlatform; userId: string; address: Address; now?: Date },
): Promise<WalletLink> {
  const key = { platform, userId, address: address.toLowerCase() };
  const revoked = await prisma.walletLink.updateMany({
    where: { ...key, revokedAt: null },
    data: { revokedAt: now },
  });
  const link =
    revoked.count > 0
      ? await prisma.walletLink.findUnique({ where: { platform_userId_address: key } })
      : null;
  if (!link)
    throw domainError("UNKNOWN_WALLET_LINK", { platform: chatPlatformNames[platform], userId, address });
  return link;
}
