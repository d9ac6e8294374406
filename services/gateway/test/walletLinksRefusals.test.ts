import { beforeAll, describe, expect, it } from "vitest";
import { setupWalletLinks, type WalletLinkFixture } from "./walletLinkFixture.ts";
import { anvilAccount, linkMessage, pageSigned, signedLink } from "./walletLinkSigner.ts";

const alice = anvilAccount(1);
const bob = anvilAccount(2);
const carol = anvilAccount(3);
const MINUTE = 60_000;

let fx: WalletLinkFixture;

beforeAll(async () => {
  fx = await setupWalletLinks();
});

// Every refusal is a typed error and stores nothing: the challenge stays as it was, and no link is added.
describe("completeWalletLink: refusals", () => {
  it("error: the same signed message a second time is NONCE_ALREADY_USED; one link exists", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const signed = await pageSigned(alice, challenge);
    expect((await fx.page.complete(challenge.id, signed)).code).toBeUndefined();
    const again = await fx.page.complete(challenge.id, signed);
    expect(again.code).toBe("NONCE_ALREADY_USED");
    expect(again.body.errors?.[0]?.message).toContain("send /link in the chat for a new link");
    expect(await fx.prisma.walletLink.count({ where: { userId } })).toBe(1);
  });

  it("error: of completions racing with one nonce, exactly one links; the others are NONCE_ALREADY_USED", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const signed = await Promise.all(
      [alice, bob, carol, alice].map((account) => pageSigned(account, challenge)),
    );
    const results = await Promise.all(signed.map((one) => fx.page.complete(challenge.id, one)));
    const codes = results.map((result) => result.code ?? "LINKED").sort();
    expect(codes).toEqual(["LINKED", "NONCE_ALREADY_USED", "NONCE_ALREADY_USED", "NONCE_ALREADY_USED"]);
    expect(await fx.prisma.walletLink.count({ where: { userId } })).toBe(1);
  });

  // Each message is the page's for a fresh challenge, signed by alice, with one thing changed.
  it.each([
    ["another domain", "SIWE_DOMAIN_MISMATCH", () => ({ domain: "evil.example" })],
    ["a URI on another site", "SIWE_URI_MISMATCH", () => ({ uri: "https://evil.example/link" })],
    ["another chain id", "SIWE_CHAIN_MISMATCH", () => ({ chainId: 1 })],
    [
      "another user's statement",
      "SIWE_STATEMENT_MISMATCH",
      () => ({ statement: "Link this wallet to Telegram user 1 in Luma Pulse." }),
    ],
    [
      "an expiry in the past",
      "SIWE_MESSAGE_EXPIRED",
      () => ({ expirationTime: new Date(Date.now() - MINUTE) }),
    ],
    ["no expiry", "INVALID_SIWE_MESSAGE", () => ({ expirationTime: undefined })],
    [
      "an expiry after the challenge's",
      "SIWE_EXPIRATION_TOO_LATE",
      () => ({ expirationTime: new Date(Date.now() + 60 * MINUTE) }),
    ],
    [
      "an issue date ten minutes ahead",
      "SIWE_NOT_YET_VALID",
      () => ({ issuedAt: new Date(Date.now() + 10 * MINUTE) }),
    ],
    [
      "a not-before in the future",
      "SIWE_NOT_YET_VALID",
      () => ({ notBefore: new Date(Date.now() + 5 * MINUTE) }),
    ],
    ["a nonce of its own", "SIWE_NONCE_MISMATCH", () => ({ nonce: "0123456789abcdef0123456789abcdef" })],
  ] as const)("error: a message with %s is %s", async (_what, code, overrides) => {
    const { userId, challenge } = await fx.openChallenge();
    const signed = await signedLink(alice, linkMessage(alice, challenge, overrides()));
    const refused = await fx.page.complete(challenge.id, signed);
    expect(refused.code).toBe(code);
    expect(refused.body.data).toBeNull();
    await fx.expectNothingStored(challenge.id, userId);
  });

  it("error: a message carrying another challenge's nonce is SIWE_NONCE_MISMATCH; neither challenge is spent", async () => {
    const mine = await fx.openChallenge();
    const other = await fx.openChallenge();
    const signed = await signedLink(
      alice,
      linkMessage(alice, mine.challenge, { nonce: other.challenge.nonce }),
    );
    expect((await fx.page.complete(mine.challenge.id, signed)).code).toBe("SIWE_NONCE_MISMATCH");
    await fx.expectNothingStored(mine.challenge.id, mine.userId);
    await fx.expectNothingStored(other.challenge.id, other.userId);
    // The right message still links afterwards.
    expect(
      (await fx.page.complete(mine.challenge.id, await pageSigned(alice, mine.challenge))).code,
    ).toBeUndefined();
  });

  it("error: a message signed by another key than its address's is INVALID_SIGNATURE", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const { signature } = await pageSigned(bob, challenge);
    const claimingAlice = { message: linkMessage(alice, challenge), signature };
    const refused = await fx.page.complete(challenge.id, claimingAlice);
    expect(refused.code).toBe("INVALID_SIGNATURE");
    expect(refused.body.errors?.[0]?.extensions?.params).toEqual({ address: alice.address });
    await fx.expectNothingStored(challenge.id, userId);
  });

  it("error: a message changed after signing, or a signature that is not one, is INVALID_SIGNATURE", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const { signature } = await pageSigned(alice, challenge);
    const edited = linkMessage(alice, challenge, { issuedAt: new Date(Date.now() - MINUTE) });
    expect((await fx.page.complete(challenge.id, { message: edited, signature })).code).toBe(
      "INVALID_SIGNATURE",
    );
    const message = linkMessage(alice, challenge);
    for (const bad of ["", "0x", "0xzz", "hello", `0x${"ab".repeat(20_000)}`]) {
      expect((await fx.page.complete(challenge.id, { message, signature: bad })).code).toBe(
        "INVALID_SIGNATURE",
      );
    }
    await fx.expectNothingStored(challenge.id, userId);
  });

  it("error: text that is not the page's EIP-4361 message is INVALID_SIWE_MESSAGE", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const message = linkMessage(alice, challenge);
    const [head, tail] = [message.slice(0, message.indexOf("URI:")), message.slice(message.indexOf("URI:"))];
    for (const text of [
      "hello",
      "",
      `${head}I also agree to something else.\n${tail}`,
      `${message}\n`,
      "x".repeat(5_000),
    ]) {
      const refused = await fx.page.complete(challenge.id, await signedLink(alice, text));
      expect(refused.code).toBe("INVALID_SIWE_MESSAGE");
    }
    await fx.expectNothingStored(challenge.id, userId);
  });

  it("error: completing an expired challenge is WALLET_LINK_CHALLENGE_EXPIRED", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const signed = await pageSigned(alice, challenge);
    await fx.expire(challenge.id);
    const refused = await fx.page.complete(challenge.id, signed);
    expect(refused.code).toBe("WALLET_LINK_CHALLENGE_EXPIRED");
    await fx.expectNothingStored(challenge.id, userId);
  });

  it("error: completing an unknown challenge is UNKNOWN_WALLET_LINK_CHALLENGE", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const signed = await pageSigned(alice, challenge);
    const refused = await fx.page.complete("AAAAAAAAAAAAAAAAAAAAAA", signed);
    expect(refused.code).toBe("UNKNOWN_WALLET_LINK_CHALLENGE");
    await fx.expectNothingStored(challenge.id, userId);
  });
});
