import type { SiweMessage } from "viem/siwe";
import { domainError } from "../errors/domainError.ts";
import { SIWE_CLOCK_SKEW_MS } from "./walletLinkSettings.ts";

/** What a message must say to complete one challenge on this gateway. */
export type SiweExpectations = {
  /** The challenge's id (for the errors) and nonce. */
  id: string;
  nonce: string;
  /** The public URL's host, and its origin (which the message's URI must be on). */
  domain: string;
  origin: string;
  chainId: number;
  statement: string;
  /** The challenge's expiry: a message may not outlive it. */
  expiresAt: Date;
};

/** Values echoed back in errors are the caller's own input: keep them short. */
const shown = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

const originOf = (uri: string) => {
  try {
    return new URL(uri).origin;
  } catch {
    return undefined;
  }
};

/**
 * Checks a parsed message against its challenge at `now`, throwing the first mismatch as a domain
 * error: nonce, domain, URI, chain, statement, then its lifetime (an expiry is required, within the
 * challenge's and not past; dated no later than `now` plus a little clock skew; valid from `now`).
 * The signature is checked after this, and only then is the challenge used up.
 */
export function checkSiweMessage(message: SiweMessage, expected: SiweExpectations, now: Date): void {
  if (message.nonce !== expected.nonce) throw domainError("SIWE_NONCE_MISMATCH", { id: expected.id });
  if (message.domain !== expected.domain) {
    throw domainError("SIWE_DOMAIN_MISMATCH", { expected: expected.domain, got: shown(message.domain) });
  }
  if (originOf(message.uri) !== expected.origin) {
    throw domainError("SIWE_URI_MISMATCH", { expected: expected.origin, got: shown(message.uri) });
  }
  if (message.chainId !== expected.chainId) {
    throw domainError("SIWE_CHAIN_MISMATCH", { expected: expected.chainId, got: message.chainId });
  }
  if (message.statement !== expected.statement) {
    throw domainError("SIWE_STATEMENT_MISMATCH", { expected: expected.statement });
  }
  const { expirationTime, issuedAt, notBefore } = message;
  // An open-ended signature would stay good for a replay elsewhere long after this link is gone.
  if (!expirationTime) throw domainError("INVALID_SIWE_MESSAGE", { field: "Expiration Time" });
  if (expirationTime > expected.expiresAt) {
    throw domainError("SIWE_EXPIRATION_TOO_LATE", {
      expirationTime: expirationTime.toISOString(),
      latest: expected.expiresAt.toISOString(),
    });
  }
  if (expirationTime <= now) {
    throw domainError("SIWE_MESSAGE_EXPIRED", { expiredAt: expirationTime.toISOString() });
  }
  if (issuedAt && issuedAt.getTime() > now.getTime() + SIWE_CLOCK_SKEW_MS) {
    throw domainError("SIWE_NOT_YET_VALID", { dated: issuedAt.toISOString() });
  }
  if (notBefore && notBefore > now)
    throw domainError("SIWE_NOT_YET_VALID", { dated: notBefore.toISOString() });
}
