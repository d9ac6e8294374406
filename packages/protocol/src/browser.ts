/**
 * The part of the protocol package that runs in a browser (no node: modules): what the signing
 * page needs to show amounts and re-encode the calls it asks a wallet to sign.
 */
export * from "./amount/AmountError.ts";
export * from "./amount/formatAmount.ts";
export * from "./calls/signableCalls.ts";
export * from "./tokens.ts";
