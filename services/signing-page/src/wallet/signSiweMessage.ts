import { stringToHex } from "viem";
import { createSiweMessage } from "viem/siwe";
import type { WalletLinkChallenge } from "../api/types.ts";
import type { Eip1193Provider } from "./eip1193.ts";

/**
 * The EIP-4361 message for a wallet-link challenge, exactly as the gateway rebuilds it: its domain,
 * uri, nonce, chain id, statement and expiry, the signing address, version 1, issued now.
 */
export function walletLinkMessage(challenge: WalletLinkChallenge, address: string, now = new Date()): string {
  return createSiweMessage({
    domain: challenge.domain,
    uri: challenge.uri,
    address: address as `0x${string}`,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    statement: challenge.statement,
    issuedAt: now,
    expirationTime: new Date(challenge.expiresAt),
  });
}

/** `personal_sign` of the message (hex-encoded UTF-8, as wallets expect) by `address`. */
export async function personalSign(
  provider: Eip1193Provider,
  message: string,
  address: string,
): Promise<string> {
  const signature = await provider.request({
    method: "personal_sign",
    params: [stringToHex(message), address],
  });
  if (typeof signature !== "string") throw new Error("the wallet returned no signature");
  return signature;
}
