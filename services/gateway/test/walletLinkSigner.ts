import { anvilDefaultMnemonic } from "@luma-pulse/devnet";
import { mnemonicToAccount } from "viem/accounts";
import { type CreateSiweMessageParameters, createSiweMessage } from "viem/siwe";

/** Anvil's default accounts (the devnet mnemonic), which sign as members' wallets do. */
export const anvilAccount = (index: number) =>
  mnemonicToAccount(anvilDefaultMnemonic, { addressIndex: index });

export type LocalAccount = ReturnType<typeof anvilAccount>;

/** A challenge as `createWalletLinkChallenge` / `walletLinkChallenge` return it over GraphQL. */
export type ChallengeJson = {
  id: string;
  url: string;
  domain: string;
  uri: string;
  nonce: string;
  chainId: number;
  statement: string;
  issuedAt: string;
  expiresAt: string;
};

/**
 * The message the link page builds for `challenge` (api-contract: createSiweMessage with the
 * challenge's fields, issued now, expiring with the challenge), as `account` would connect; any
 * field overridden to build a bad one.
 */
export function linkMessage(
  account: LocalAccount,
  challenge: ChallengeJson,
  overrides: Partial<CreateSiweMessageParameters> = {},
) {
  return createSiweMessage({
    domain: challenge.domain,
    uri: challenge.uri,
    address: account.address,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    statement: challenge.statement,
    issuedAt: new Date(),
    expirationTime: new Date(challenge.expiresAt),
    ...overrides,
  });
}

/** `message` signed by `signer` with personal_sign (EIP-191), as a wallet does. */
export async function signedLink(signer: LocalAccount, message: string) {
  return { message, signature: await signer.signMessage({ message }) };
}

/** The page's message for `challenge`, as `account` connects and signs it. */
export const pageSigned = (account: LocalAccount, challenge: ChallengeJson) =>
  signedLink(account, linkMessage(account, challenge));
