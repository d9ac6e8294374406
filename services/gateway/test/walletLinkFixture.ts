import { expect } from "vitest";
import { setupChain } from "./setupChain.ts";
import { newChallenge, walletLinkApi } from "./walletLinkApi.ts";
import { newServiceToken, startWalletLinkGateway } from "./walletLinkGateway.ts";

/**
 * What the wallet-link test files share: a chain, a gateway with a service token on a database the
 * tests can read, the API as the bots call it (`bot`, with the token) and as the link page does
 * (`page`, without), and fresh chat users so that tests never see each other's links.
 */
export async function setupWalletLinks() {
  const chain = await setupChain();
  const token = newServiceToken();
  const { gateway, prisma } = await startWalletLinkGateway(chain, { serviceToken: token });
  const bot = walletLinkApi(gateway.url, token);
  const page = walletLinkApi(gateway.url);
  let lastUserId = 1_000;
  const newUserId = () => String(++lastUserId);
  return {
    chain,
    gateway,
    prisma,
    token,
    bot,
    page,
    newUserId,
    /** A challenge for a new user, and that user. */
    async openChallenge() {
      const userId = newUserId();
      return { userId, challenge: await newChallenge(bot, userId) };
    },
    /** Moves a challenge's expiry into the past, as ten minutes would. */
    expire: (id: string) =>
      prisma.walletLinkChallenge.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } }),
    /** What a refusal must leave: the challenge unspent, no link for the user. */
    async expectNothingStored(challengeId: string, userId: string) {
      const challenge = await prisma.walletLinkChallenge.findUnique({ where: { id: challengeId } });
      expect(challenge?.usedAt ?? null).toBeNull();
      expect(await prisma.walletLink.count({ where: { userId } })).toBe(0);
    },
  };
}

export type WalletLinkFixture = Awaited<ReturnType<typeof setupWalletLinks>>;
