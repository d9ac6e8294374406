import { type Hex, hexToString } from "viem";
import { parseSiweMessage } from "viem/siwe";
import { beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../helpers/injectedWallet.ts";
import { graphqlData } from "./helpers/graphql.ts";
import { type SigningStack, serviceToken, setupSigningStack } from "./helpers/setupSigningStack.ts";
import { signingPage } from "./helpers/signingPage.ts";

// Linking a chat account to a wallet on the same page: the bot asks the gateway for a challenge
// (with its service token), the member opens the link, connects and signs the Sign-In with
// Ethereum message; the gateway verifies it and the bot then sees the address among the links.

let stack: SigningStack;
beforeAll(async () => {
  stack = await setupSigningStack();
});

const asBot = { authorization: `Bearer ${serviceToken}` };

/** What a bot does to invite `userId` to link a wallet. */
async function createChallenge(userId: string) {
  const data = await graphqlData<{
    challenge: { id: string; url: string; domain: string; uri: string; nonce: string };
  }>(
    stack.gateway.url,
    `mutation Challenge($userId: String!) {
      challenge: createWalletLinkChallenge(platform: TELEGRAM, userId: $userId) { id url domain uri nonce }
    }`,
    { userId },
    asBot,
  );
  return data.challenge;
}

/** The addresses the bot sees linked to `userId`. */
async function linkedAddresses(userId: string) {
  const data = await graphqlData<{ walletLinks: { address: string }[] }>(
    stack.gateway.url,
    `query Links($userId: String!) { walletLinks(platform: TELEGRAM, userId: $userId) { address } }`,
    { userId },
    asBot,
  );
  return data.walletLinks.map((link) => link.address);
}

describe("linking a wallet in the page", () => {
  it("connect, sign in with the wallet: linked, and the bot sees the address", async () => {
    const challenge = await createChallenge("1001");
    const { page, wallet } = await stack.openWithWallet({ accountIndex: 2 });
    await page.goto(challenge.url);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    await signingPage.connect(page);
    await signingPage.sign(page);

    await signingPage.waitForStatus(page, "LINKED");
    expect(await signingPage.statusText(page)).toMatch(
      /^Linked 0x[0-9a-fA-F]{4}.+ to your Telegram account$/,
    );
    expect(await linkedAddresses("1001")).toEqual([wallet.address]);
    // A signature, never a transaction.
    expect(wallet.calls("personal_sign")).toHaveLength(1);
    expect(wallet.calls("eth_sendTransaction")).toEqual([]);
    // What the wallet showed: the SIWE message of this challenge, for this site and account.
    const [message] = (wallet.calls("personal_sign")[0] as RecordedRequest).params as [Hex];
    expect(parseSiweMessage(hexToString(message))).toMatchObject({
      domain: challenge.domain,
      uri: challenge.uri,
      nonce: challenge.nonce,
      chainId: stack.chain.manifest.chainId,
      address: wallet.address,
    });
  });

  it("a link used already says so and asks for nothing", async () => {
    const challenge = await createChallenge("1002");
    const first = await stack.openWithWallet({ accountIndex: 3 });
    await first.page.goto(challenge.url);
    await signingPage.connect(first.page);
    await signingPage.sign(first.page);
    await signingPage.waitForStatus(first.page, "LINKED");

    const again = await stack.openWithWallet({ accountIndex: 4 });
    await again.page.goto(challenge.url);
    expect(await signingPage.settledStatus(again.page)).toBe("USED");
    expect(await signingPage.statusText(again.page)).toBe(
      "This link was already used — ask the bot for a new one",
    );
    expect(await again.page.getByTestId("connect-button").count()).toBe(0);
    expect(again.wallet.calls("personal_sign")).toEqual([]);
    expect(await linkedAddresses("1002")).toEqual([first.wallet.address]);
  });

  it("a member who declines to sign: told so, nothing linked, the link still usable", async () => {
    const challenge = await createChallenge("1003");
    const { page } = await stack.openWithWallet({ accountIndex: 2, reject: ["personal_sign"] });
    await page.goto(challenge.url);
    await signingPage.connect(page);
    await signingPage.sign(page);
    await page.getByTestId("error-message").waitFor();
    expect(await signingPage.errorText(page)).toMatch(/You declined in your wallet/);
    expect(await page.getByTestId("status").getAttribute("data-status")).toBe("PENDING");
    expect(await linkedAddresses("1003")).toEqual([]);
  });
});
