import { beforeAll, describe, expect, it } from "vitest";
import { newChallenge, walletLinkApi } from "./walletLinkApi.ts";
import { walletLinkDocExamples } from "./walletLinkDocExamples.ts";
import { setupWalletLinks, type WalletLinkFixture } from "./walletLinkFixture.ts";
import { newServiceToken, startWalletLinkGateway } from "./walletLinkGateway.ts";
import { anvilAccount, linkMessage, pageSigned, signedLink } from "./walletLinkSigner.ts";

const alice = anvilAccount(1);
const bob = anvilAccount(2);
const carol = anvilAccount(3);
const MINUTE = 60_000;

let fx: WalletLinkFixture;

beforeAll(async () => {
  fx = await setupWalletLinks();
});

describe("createWalletLinkChallenge", () => {
  it("opens a challenge: the link page, this gateway's domain and chain, a statement naming the user, 10 minutes", async () => {
    const { body } = await fx.bot.createChallenge("12345");
    expect(body.errors).toBeUndefined();
    const challenge = body.data.createWalletLinkChallenge;
    expect(challenge.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(challenge).toMatchObject({
      url: `${fx.gateway.url}/link/${challenge.id}`,
      domain: new URL(fx.gateway.url).host,
      uri: fx.gateway.url,
      chainId: fx.chain.manifest.chainId,
      statement: "Link this wallet to Telegram user 12345 in Luma Pulse.",
      used: false,
    });
    expect(challenge.nonce).toMatch(/^[A-Za-z0-9]{8,}$/);
    expect(Date.parse(challenge.expiresAt) - Date.parse(challenge.issuedAt)).toBe(10 * MINUTE);
    const stored = await fx.prisma.walletLinkChallenge.findUniqueOrThrow({ where: { id: challenge.id } });
    expect(stored).toMatchObject({
      platform: "telegram",
      userId: "12345",
      nonce: challenge.nonce,
      usedAt: null,
    });
  });

  it("gives every challenge its own id and nonce, and names Discord users as such", async () => {
    const first = await newChallenge(fx.bot, "777");
    const { body } = await fx.bot.createChallenge("777", "DISCORD");
    const second = body.data.createWalletLinkChallenge;
    expect(second.id).not.toBe(first.id);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.statement).toBe("Link this wallet to Discord user 777 in Luma Pulse.");
  });

  it("error: without the service token it is SERVICE_TOKEN_REQUIRED, and nothing is stored", async () => {
    const before = await fx.prisma.walletLinkChallenge.count();
    const noBearer: Record<string, string>[] = [
      {},
      { authorization: fx.token },
      { authorization: "Basic abc" },
    ];
    for (const headers of noBearer) {
      const { code, body } = await fx.page.call(
        `mutation { createWalletLinkChallenge(platform: TELEGRAM, userId: "1") { id } }`,
        headers,
      );
      expect(code).toBe("SERVICE_TOKEN_REQUIRED");
      expect(body.errors?.[0]?.message).toContain("Authorization: Bearer <GATEWAY_SERVICE_TOKEN>");
      expect(body.data).toBeNull();
    }
    expect(await fx.prisma.walletLinkChallenge.count()).toBe(before);
  });

  it("error: a wrong service token is UNKNOWN_SERVICE_TOKEN, and nothing is stored", async () => {
    const before = await fx.prisma.walletLinkChallenge.count();
    const lastCharChanged = `${fx.token.slice(0, -1)}${fx.token.endsWith("0") ? "1" : "0"}`;
    for (const wrong of [lastCharChanged, `${fx.token}0`, "short"]) {
      const { code } = await walletLinkApi(fx.gateway.url, wrong).createChallenge("1");
      expect(code).toBe("UNKNOWN_SERVICE_TOKEN");
    }
    expect(await fx.prisma.walletLinkChallenge.count()).toBe(before);
  });

  it("error: a user id that is not a chat user's is INVALID_CHAT_USER_ID", async () => {
    for (const userId of ["", "abc", "12 34", "1\n\nURI: https://evil.example", "1".repeat(21)]) {
      expect((await fx.bot.createChallenge(userId)).code).toBe("INVALID_CHAT_USER_ID");
    }
  });

  it("error: a gateway with no service token configured refuses everyone with SERVICE_TOKEN_REQUIRED", async () => {
    const { gateway: closed } = await startWalletLinkGateway(fx.chain, {});
    const { code, body } = await walletLinkApi(closed.url, fx.token).createChallenge("1");
    expect(code).toBe("SERVICE_TOKEN_REQUIRED");
    expect(body.errors?.[0]?.message).toContain("GATEWAY_SERVICE_TOKEN is unset");
    expect((await walletLinkApi(closed.url, fx.token).links("1")).code).toBe("SERVICE_TOKEN_REQUIRED");
  });
});

describe("walletLinkChallenge", () => {
  it("shows an open challenge to the link page, without a token", async () => {
    const { challenge } = await fx.openChallenge();
    const { body } = await fx.page.challenge(challenge.id);
    expect(body.errors).toBeUndefined();
    expect(body.data.walletLinkChallenge).toEqual(challenge);
  });

  it("error: an unknown id is UNKNOWN_WALLET_LINK_CHALLENGE", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "not an id", ""]) {
      const { code, body } = await fx.page.challenge(id);
      expect(code).toBe("UNKNOWN_WALLET_LINK_CHALLENGE");
      expect(body.errors?.[0]?.message).toContain("send /link in the chat");
    }
  });

  it("error: an expired challenge is WALLET_LINK_CHALLENGE_EXPIRED, telling the member to send /link again", async () => {
    const { challenge } = await fx.openChallenge();
    await fx.expire(challenge.id);
    const { code, body } = await fx.page.challenge(challenge.id);
    expect(code).toBe("WALLET_LINK_CHALLENGE_EXPIRED");
    expect(body.errors?.[0]?.message).toMatch(/^This link expired at .*; send \/link in the chat again\.$/);
  });

  it("error: a used challenge is WALLET_LINK_CHALLENGE_USED", async () => {
    const { challenge } = await fx.openChallenge();
    expect((await fx.page.complete(challenge.id, await pageSigned(alice, challenge))).code).toBeUndefined();
    expect((await fx.page.challenge(challenge.id)).code).toBe("WALLET_LINK_CHALLENGE_USED");
  });
});

describe("completeWalletLink", () => {
  it("links the wallet that signed the page's message to the chat user, and the bot lists it", async () => {
    const { userId, challenge } = await fx.openChallenge();
    const { body } = await fx.page.complete(challenge.id, await pageSigned(alice, challenge));
    expect(body.errors).toBeUndefined();
    expect(body.data.completeWalletLink).toMatchObject({
      platform: "TELEGRAM",
      userId,
      address: alice.address,
      chainId: fx.chain.manifest.chainId,
      revokedAt: null,
    });
    const listed = (await fx.bot.links(userId)).body.data.walletLinks;
    expect(listed).toEqual([body.data.completeWalletLink]);
    const stored = await fx.prisma.walletLink.findMany({ where: { userId } });
    expect(stored.map((link) => link.address)).toEqual([alice.address.toLowerCase()]);
    expect(
      (await fx.prisma.walletLinkChallenge.findUniqueOrThrow({ where: { id: challenge.id } })).usedAt,
    ).not.toBeNull();
  });

  it("links several wallets to one user", async () => {
    const userId = fx.newUserId();
    for (const account of [alice, bob, carol]) {
      const challenge = await newChallenge(fx.bot, userId);
      expect(
        (await fx.page.complete(challenge.id, await pageSigned(account, challenge))).code,
      ).toBeUndefined();
    }
    const listed = (await fx.bot.links(userId)).body.data.walletLinks;
    expect(listed.map((link: { address: string }) => link.address)).toEqual([
      alice.address,
      bob.address,
      carol.address,
    ]);
  });

  it("unlinkWallet revokes a link: it is no longer listed; signing again links it again", async () => {
    const userId = fx.newUserId();
    for (const account of [alice, bob]) {
      const challenge = await newChallenge(fx.bot, userId);
      await fx.page.complete(challenge.id, await pageSigned(account, challenge));
    }
    const { body } = await fx.bot.unlink(userId, alice.address.toLowerCase());
    expect(body.errors).toBeUndefined();
    expect(body.data.unlinkWallet).toMatchObject({ address: alice.address, userId });
    expect(Date.parse(body.data.unlinkWallet.revokedAt)).not.toBeNaN();
    const listed = async () =>
      (await fx.bot.links(userId)).body.data.walletLinks.map((link: { address: string }) => link.address);
    expect(await listed()).toEqual([bob.address]);
    // Kept for the record, revoked.
    const revoked = await fx.prisma.walletLink.findFirstOrThrow({
      where: { userId, address: alice.address.toLowerCase() },
    });
    expect(revoked.revokedAt).not.toBeNull();

    const challenge = await newChallenge(fx.bot, userId);
    const relinked = await fx.page.complete(challenge.id, await pageSigned(alice, challenge));
    expect(relinked.body.data.completeWalletLink).toMatchObject({ address: alice.address, revokedAt: null });
    expect((await listed()).sort()).toEqual([alice.address, bob.address].sort());
    expect(await fx.prisma.walletLink.count({ where: { userId } })).toBe(2);
  });

  it("answers a Chinese page in Chinese, with the same code", async () => {
    const { challenge } = await fx.openChallenge();
    const signed = await pageSigned(alice, challenge);
    await fx.page.complete(challenge.id, signed);
    const { code, body } = await fx.page.complete(challenge.id, signed, { "accept-language": "zh-CN" });
    expect(code).toBe("NONCE_ALREADY_USED");
    expect(body.errors?.[0]?.message).toBe(
      "此登录消息已被使用（nonce 已失效）；请在聊天中发送 /link 获取新链接。",
    );
  });
});

describe("walletLinks and unlinkWallet", () => {
  it("error: without the service token, or with a wrong one, they are refused and the link stays", async () => {
    const { userId, challenge } = await fx.openChallenge();
    await fx.page.complete(challenge.id, await pageSigned(alice, challenge));
    const stranger = walletLinkApi(fx.gateway.url, newServiceToken());
    expect((await fx.page.links(userId)).code).toBe("SERVICE_TOKEN_REQUIRED");
    expect((await stranger.links(userId)).code).toBe("UNKNOWN_SERVICE_TOKEN");
    expect((await fx.page.unlink(userId, alice.address)).code).toBe("SERVICE_TOKEN_REQUIRED");
    expect((await stranger.unlink(userId, alice.address)).code).toBe("UNKNOWN_SERVICE_TOKEN");
    expect((await fx.bot.links(userId)).body.data.walletLinks).toHaveLength(1);
  });

  it("error: unlinking a wallet that is not linked, or no longer, is UNKNOWN_WALLET_LINK", async () => {
    const { userId, challenge } = await fx.openChallenge();
    await fx.page.complete(challenge.id, await pageSigned(alice, challenge));
    const notLinked = await fx.bot.unlink(userId, bob.address);
    expect(notLinked.code).toBe("UNKNOWN_WALLET_LINK");
    expect(notLinked.body.errors?.[0]?.message).toBe(
      `${bob.address} is not linked to Telegram user ${userId}; walletLinks lists the linked ones.`,
    );
    expect((await fx.bot.unlink(userId, alice.address)).code).toBeUndefined();
    expect((await fx.bot.unlink(userId, alice.address)).code).toBe("UNKNOWN_WALLET_LINK");
    expect((await fx.bot.unlink(userId, "0x123")).code).toBe("INVALID_ADDRESS");
  });

  it("lists nothing for a user with no links", async () => {
    const { body } = await fx.bot.links(fx.newUserId());
    expect(body).toEqual({ data: { walletLinks: [] } });
  });
});

describe("docs/graphql.md: Wallet linking", () => {
  it("has examples that open, read, complete, list and revoke a link when run in order", async () => {
    const examples = walletLinkDocExamples();
    expect(Object.keys(examples).sort()).toEqual([
      "CompleteWalletLink",
      "CreateWalletLinkChallenge",
      "UnlinkWallet",
      "WalletLinkChallenge",
      "WalletLinks",
    ]);
    const run = async (
      name: string,
      api: WalletLinkFixture["bot"],
      variables: Record<string, unknown> = {},
    ) => {
      const { body } = await api.run(examples[name] ?? "", variables);
      expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      return body.data;
    };
    const { id } = (await run("CreateWalletLinkChallenge", fx.bot)).createWalletLinkChallenge;
    const challenge = { id, ...(await run("WalletLinkChallenge", fx.page, { id })).walletLinkChallenge };
    const signed = await signedLink(alice, linkMessage(alice, challenge));
    const linked = (await run("CompleteWalletLink", fx.page, { id, ...signed })).completeWalletLink;
    expect(linked).toMatchObject({ platform: "TELEGRAM", userId: "12345", address: alice.address });
    expect((await run("WalletLinks", fx.bot)).walletLinks).toEqual([
      { address: alice.address, chainId: fx.chain.manifest.chainId, linkedAt: linked.linkedAt },
    ]);
    const unlinked = (await run("UnlinkWallet", fx.bot, { address: alice.address })).unlinkWallet;
    expect(unlinked.address).toBe(alice.address);
    expect((await run("WalletLinks", fx.bot)).walletLinks).toEqual([]);
  });
});
