import { verifyMessage } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { describe, expect, it } from "vitest";
import type { WalletLinkChallenge } from "../src/api/types.ts";
import { walletLinkMessage } from "../src/wallet/signSiweMessage.ts";

// Anvil's second default account: a well-known test key, never a real one.
const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

const challenge: WalletLinkChallenge = {
  id: "c1",
  url: "https://pulse.example/link/c1",
  domain: "pulse.example",
  uri: "https://pulse.example/link/c1",
  nonce: "n0nce12345678",
  chainId: 31337,
  statement: "Link this wallet to your Telegram account on Luma Pulse.",
  issuedAt: "2026-11-21T10:00:00.000Z",
  expiresAt: "2026-11-21T10:10:00.000Z",
  used: false,
};

describe("walletLinkMessage", () => {
  it("builds the EIP-4361 message from the challenge, the address and now", () => {
    const now = new Date("2026-11-21T10:01:00.000Z");
    const message = walletLinkMessage(challenge, account.address, now);
    expect(parseSiweMessage(message)).toEqual({
      domain: "pulse.example",
      address: account.address,
      statement: challenge.statement,
      uri: challenge.uri,
      version: "1",
      chainId: 31337,
      nonce: challenge.nonce,
      issuedAt: now,
      expirationTime: new Date(challenge.expiresAt),
    });
    expect(
      validateSiweMessage({
        message: parseSiweMessage(message),
        domain: "pulse.example",
        nonce: challenge.nonce,
        time: now,
      }),
    ).toBe(true);
  });

  it("is what a wallet's personal_sign signature verifies against", async () => {
    const message = walletLinkMessage(challenge, account.address);
    const signature = await account.signMessage({ message });
    expect(await verifyMessage({ address: account.address, message, signature })).toBe(true);
  });
});
