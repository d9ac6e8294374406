import { en } from "../texts/en.ts";
import { type ErrorParams, type ErrorWording, param } from "./ErrorParams.ts";
import type { GatewayErrorCode } from "./gatewayErrorCodes.ts";

const amountProblem = (p: ErrorParams) => ({
  value: param(p, "value"),
  symbol: param(p, "symbol") || "tokens",
  decimals: Number(param(p, "decimals") || 18),
});
const reasonOf = (p: ErrorParams) => {
  const reason = param(p, "reason");
  return reason in en.usage.amount ? (reason as keyof typeof en.usage.amount) : "not_a_number";
};

const BUG = "Something went wrong on our side; it has been logged.";
const PAGE_ONLY = "The signing page could not use that; open the link from the chat again.";

/**
 * One short English sentence per gateway error code, for chat users: what happened and what to do,
 * never internals (service tokens, query limits) that a member cannot act on.
 */
export const errorTextsEn: Record<GatewayErrorCode, ErrorWording> = {
  INVALID_ADDRESS: (p) => `"${param(p, "value")}" is not a wallet address (0x followed by 40 hex digits).`,
  INVALID_DATE: (p) => `"${param(p, "value")}" is not a date.`,
  INVALID_INTEGER: (p) => `"${param(p, "value")}" is not a whole number.`,
  ARGUMENT_OUT_OF_RANGE: (p) =>
    `${param(p, "name")} must be between ${param(p, "min")} and ${param(p, "max")}.`,
  AMOUNT_OUT_OF_RANGE: (p) => `"${param(p, "value")}" is not a valid amount.`,
  INVALID_EVENT_ID: () => BUG,
  INVALID_CURSOR: () => BUG,
  INVALID_TIME_RANGE: () => "That time range is empty: its start must come before its end.",
  TOO_MANY_BUCKETS: () => "That time range is too long for one chart.",
  UNKNOWN_POSITION: (p) => `There is no option position #${param(p, "id")}.`,
  QUERY_TOO_DEEP: () => BUG,
  TOO_MANY_ALIASES: () => BUG,
  TOO_MANY_TOKENS: () => BUG,
  TOO_MANY_DIRECTIVES: () => BUG,
  QUERY_TOO_COSTLY: () => BUG,
  PAGE_SIZE_OUT_OF_RANGE: () => BUG,
  RATE_LIMITED: (p) =>
    `I am asking the gateway too often; try again in ${param(p, "retryAfterSeconds") || "a few"} s.`,
  UNKNOWN_API_KEY: () => "The bot's gateway key is not accepted; its operator has been told.",
  CSRF_HEADER_REQUIRED: () => BUG,
  CHAIN_UNAVAILABLE: () => "The chain's node is not answering right now.",
  DATABASE_UNAVAILABLE: () => "The gateway's database is not answering right now.",
  GATEWAY_UNAVAILABLE: () => "The Luma Pulse gateway is not answering right now.",
  INTERNAL_SERVER_ERROR: () => BUG,
  GATEWAY_BAD_RESPONSE: () => BUG,
  GRAPHQL_PARSE_FAILED: () => BUG,
  GRAPHQL_VALIDATION_FAILED: () => BUG,
  BAD_USER_INPUT: () => BUG,
  INVALID_AMOUNT: (p) => en.usage.amount[reasonOf(p)](amountProblem(p)),
  INSUFFICIENT_BALANCE: (p) =>
    `Not enough ${param(p, "symbol")}: this needs ${param(p, "requested")} and the wallet holds ${param(p, "balance")}.`,
  NO_BALANCE: (p) => `The wallet holds no ${param(p, "symbol")}.`,
  AMOUNT_TOO_SMALL: (p) =>
    `${param(p, "value")} ${param(p, "symbol")} is too small: it would give nothing back.`,
  NO_SORA_QUOTA: () =>
    "This wallet has no SORA quota. SORA can only be bought with quota, which staking POP grants.",
  QUOTA_EXCEEDED: (p) =>
    `That would buy ${param(p, "requested")} SORA, but the wallet's quota is ${param(p, "quota")}. Buy less, or "max".`,
  POSITION_NOT_OWNED: (p) => `Option position #${param(p, "id")} is not held by this wallet.`,
  NOTHING_TO_CLAIM: (p) =>
    `Position #${param(p, "id")} has no released LUMA to claim yet; rewards release day by day.`,
  NOTHING_LOCKED: (p) =>
    `Position #${param(p, "id")} has nothing still releasing, so nothing to release early.`,
  PLAN_REVERTED: (p) =>
    `The chain would refuse this (step ${param(p, "step")}: ${param(p, "contractError")}).`,
  UNKNOWN_INTENT: () => "That signing link does not exist; send the command again for a new one.",
  INTENT_EXPIRED: () => "That signing link has expired; send the command again for a new one.",
  INTENT_SETTLED: () => "That signing link was already used.",
  STEP_OUT_OF_RANGE: () => PAGE_ONLY,
  PREVIOUS_STEP_NOT_MINED: () => "Wait for the previous transaction to be mined first.",
  STEP_ALREADY_REPORTED: () => "That step already has its transaction.",
  INVALID_TX_HASH: () => PAGE_ONLY,
  TX_ALREADY_REPORTED: () => "That transaction was already used for another step.",
  UNKNOWN_TX: () => "The network does not know that transaction yet; try again in a moment.",
  TX_NOT_FOR_STEP: () => "That transaction is not the one this step asks for.",
  TX_BEFORE_PLAN: () => "That transaction was mined before this request was made.",
  SERVICE_TOKEN_REQUIRED: () =>
    "Wallet linking is not available on this bot right now; its operator has been told.",
  UNKNOWN_SERVICE_TOKEN: () =>
    "Wallet linking is not available on this bot right now; its operator has been told.",
  INVALID_CHAT_USER_ID: () => BUG,
  UNKNOWN_WALLET_LINK_CHALLENGE: () => "That wallet link is not valid; send /link for a new one.",
  WALLET_LINK_CHALLENGE_EXPIRED: () => "That wallet link has expired; send /link for a new one.",
  WALLET_LINK_CHALLENGE_USED: () => "That wallet link was already used; send /link to link another wallet.",
  NONCE_ALREADY_USED: () => "That sign-in message was already used; send /link for a new link.",
  INVALID_SIWE_MESSAGE: () => PAGE_ONLY,
  SIWE_NONCE_MISMATCH: () => PAGE_ONLY,
  SIWE_DOMAIN_MISMATCH: () => PAGE_ONLY,
  SIWE_URI_MISMATCH: () => PAGE_ONLY,
  SIWE_CHAIN_MISMATCH: () => PAGE_ONLY,
  SIWE_STATEMENT_MISMATCH: () => PAGE_ONLY,
  SIWE_EXPIRATION_TOO_LATE: () => PAGE_ONLY,
  SIWE_MESSAGE_EXPIRED: () => "The signed message expired; send /link and sign again.",
  SIWE_NOT_YET_VALID: () => "Your device's clock is ahead; set it right and sign again.",
  INVALID_SIGNATURE: () => "The signature does not match the wallet; sign the message unchanged.",
  UNKNOWN_WALLET_LINK: (p) => `${param(p, "address")} is not one of your linked wallets.`,
};

/** For a code this version does not know yet (a newer gateway). */
export const unknownErrorEn = (code: string) => `The gateway refused this (${code}).`;
