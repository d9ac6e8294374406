import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@luma-pulse/db";
import type { ChatPlatform } from "./ChatPlatform.ts";
import { newWalletLinkNonce } from "./newWalletLinkNonce.ts";
import { WALLET_LINK_CHALLENGE_TTL_MS } from "./walletLinkSettings.ts";

/** 128 random bits, base64url (22 characters): all a `/link/<id>` URL carries. */
const newChallengeId = () => randomBytes(16).toString("base64url");

/**
 * Opens a wallet-link challenge for a chat user: a fresh nonce that one signed message can spend,
 * until `now + WALLET_LINK_CHALLENGE_TTL_MS`. `userId` is already checked (parseChatUserId).
 */
export function createWalletLinkChallenge(
  prisma: PrismaClient,
  { platform, userId, now = new Date() }: { platform: ChatPlatform; userId: string; now?: Date },
) {
  return prisma.walletLinkChallenge.create({
    data: {
      id: newChallengeId(),
      nonce: newWalletLinkNonce(),
      platform,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + WALLET_LINK_CHALLENGE_TTL_MS),
    },
  });
}
