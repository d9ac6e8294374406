import type { PrismaClient, WalletLinkChallenge } from "@luma-pulse/db";
import { domainError } from "../errors/domainError.ts";

/** Challenge ids are 22 base64url characters; anything else is unknown without asking the database. */
const CHALLENGE_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The challenge `id` if it can still be completed at `now`; otherwise the error a member should see:
 * unknown, already used (`usedCode`: the page's WALLET_LINK_CHALLENGE_USED, or NONCE_ALREADY_USED
 * when a message is submitted), or expired. Used is told before expired: it says more.
 */
export async function readOpenChallenge(
  prisma: PrismaClient,
  id: string,
  { now, usedCode }: { now: Date; usedCode: "WALLET_LINK_CHALLENGE_USED" | "NONCE_ALREADY_USED" },
): Promise<WalletLinkChallenge> {
  const challenge = CHALLENGE_ID.test(id)
    ? await prisma.walletLinkChallenge.findUnique({ where: { id } })
    : null;
  const shownId = id.slice(0, 40);
  if (!challenge) throw domainError("UNKNOWN_WALLET_LINK_CHALLENGE", { id: shownId });
  if (challenge.usedAt) throw domainError(usedCode, { id });
  if (challenge.expiresAt <= now) {
    throw domainError("WALLET_LINK_CHALLENGE_EXPIRED", { id, expiredAt: challenge.expiresAt.toISOString() });
  }
  return challenge;
}
