import { randomBytes } from "node:crypto";

/**
 * A fresh SIWE nonce: 128 random bits from the OS, as 32 hex characters (EIP-4361 wants at least 8
 * alphanumerics). Not viem's `generateSiweNonce`: it draws on `Math.random` (not a secure source),
 * consecutive calls share all but one of their characters, and its 96 characters would not fit the
 * `nonce` column (64).
 */
export const newWalletLinkNonce = () => randomBytes(16).toString("hex");
