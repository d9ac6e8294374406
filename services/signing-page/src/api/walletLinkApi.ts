import type { Locale } from "../i18n/translate.ts";
import { CHALLENGE_QUERY, COMPLETE_MUTATION } from "./documents.ts";
import { graphqlRequest } from "./graphqlRequest.ts";
import type { WalletLink, WalletLinkChallenge } from "./types.ts";

/** The SIWE challenge a wallet-link link stands for. */
export async function fetchWalletLinkChallenge(id: string, locale: Locale) {
  const data = await graphqlRequest<{ walletLinkChallenge: WalletLinkChallenge }>(
    CHALLENGE_QUERY,
    { id },
    { locale },
  );
  return data.walletLinkChallenge;
}

/** Hands the signed SIWE message to the gateway, which verifies it and links the address. */
export async function completeWalletLink(id: string, message: string, signature: string, locale: Locale) {
  const data = await graphqlRequest<{ completeWalletLink: WalletLink }>(
    COMPLETE_MUTATION,
    { id, message, signature },
    { locale },
  );
  return data.completeWalletLink;
}
