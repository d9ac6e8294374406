/**
 * How long a `/link/<id>` page can be completed: long enough to open a wallet app and sign, short
 * enough that a link forwarded or leaked from the chat soon goes stale.
 */
export const WALLET_LINK_CHALLENGE_TTL_MS = 10 * 60_000;

/**
 * How far a phone's clock may run ahead of the gateway's when it dates a message (`Issued At`):
 * phones sync their clocks, but not to the second.
 */
export const SIWE_CLOCK_SKEW_MS = 2 * 60_000;

/** The longest signed message accepted (the page's are ~400 characters); bounds the parser's work. */
export const MAX_SIWE_MESSAGE_LENGTH = 4_096;

/**
 * The longest signature accepted, in characters: a smart wallet's ERC-6492 signature wraps its
 * factory call around the ERC-1271 one, so it can be far longer than an EOA's 132.
 */
export const MAX_SIGNATURE_LENGTH = 20_000;
