import type { PrismaClient } from "@luma-pulse/db";
import { beforeAll, describe, expect, it } from "vitest";
import { setupChain } from "./setupChain.ts";
import { newChallenge, walletLinkApi } from "./walletLinkApi.ts";
import { newServiceToken, startWalletLinkGateway } from "./walletLinkGateway.ts";
import { anvilAccount, linkMessage, signedLink } from "./walletLinkSigner.ts";

const alice = anvilAccount(1);

let prisma: PrismaClient;
let bot: ReturnType<typeof walletLinkApi>;
let page: ReturnType<typeof walletLinkApi>;

// On PostgreSQL the gateway's pool runs completions in parallel transactions: the races are real.
beforeAll(async () => {
  const chain = await setupChain();
  const token = newServiceToken();
  const started = await startWalletLinkGateway(chain, { serviceToken: token, postgres: true });
  prisma = started.prisma;
  bot = walletLinkApi(started.gateway.url, token);
  page = walletLinkApi(started.gateway.url);
});

describe("completeWalletLink on PostgreSQL", () => {
  it("error: of eight completions racing with one nonce, exactly one links; the others are NONCE_ALREADY_USED", async () => {
    const challenge = await newChallenge(bot, "5001");
    const signed = await signedLink(alice, linkMessage(alice, challenge));
    const results = await Promise.all(Array.from({ length: 8 }, () => page.complete(challenge.id, signed)));
    const codes = results.map((result) => result.code ?? "LINKED");
    expect(codes.filter((code) => code === "LINKED")).toHaveLength(1);
    expect(codes.filter((code) => code === "NONCE_ALREADY_USED")).toHaveLength(7);
    expect(await prisma.walletLink.count({ where: { userId: "5001" } })).toBe(1);
  });

  it("links one wallet once when two of the user's challenges complete at the same time", async () => {
    const challenges = await Promise.all([newChallenge(bot, "5002"), newChallenge(bot, "5002")]);
    // Signed first, so that the two completions start together.
    const signed = await Promise.all(
      challenges.map(async (challenge) => ({
        id: challenge.id,
        ...(await signedLink(alice, linkMessage(alice, challenge))),
      })),
    );
    const results = await Promise.all(signed.map(({ id, ...one }) => page.complete(id, one)));
    expect(results.map((result) => result.body.errors)).toEqual([undefined, undefined]);
    expect((await bot.links("5002")).body.data.walletLinks).toHaveLength(1);
    expect(await prisma.walletLink.count({ where: { userId: "5002" } })).toBe(1);
  });
});
