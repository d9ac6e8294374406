/**
 * Every code a bot may get back from the gateway (`extensions.code`, the gateway's
 * services/gateway/src/errors/*ErrorMessages.ts), plus GraphQL's own and this client's. A test
 * compares this list with the gateway's catalogs, so a new gateway code cannot go unworded.
 */
export const gatewayErrorCodes = [
  // Input
  "INVALID_ADDRESS",
  "INVALID_DATE",
  "INVALID_INTEGER",
  "ARGUMENT_OUT_OF_RANGE",
  "AMOUNT_OUT_OF_RANGE",
  "INVALID_EVENT_ID",
  "INVALID_CURSOR",
  "INVALID_TIME_RANGE",
  "TOO_MANY_BUCKETS",
  "UNKNOWN_POSITION",
  // Protection
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
  "QUERY_TOO_COSTLY",
  "PAGE_SIZE_OUT_OF_RANGE",
  "RATE_LIMITED",
  "UNKNOWN_API_KEY",
  "CSRF_HEADER_REQUIRED",
  // Out of reach (retryable)
  "CHAIN_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "GATEWAY_UNAVAILABLE",
  // Bugs: ours or the gateway's
  "INTERNAL_SERVER_ERROR",
  "GATEWAY_BAD_RESPONSE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  // Transaction plans
  "INVALID_AMOUNT",
  "INSUFFICIENT_BALANCE",
  "NO_BALANCE",
  "AMOUNT_TOO_SMALL",
  "NO_SORA_QUOTA",
  "QUOTA_EXCEEDED",
  "POSITION_NOT_OWNED",
  "NOTHING_TO_CLAIM",
  "NOTHING_LOCKED",
  "PLAN_REVERTED",
  // Signing intents
  "UNKNOWN_INTENT",
  "INTENT_EXPIRED",
  "INTENT_SETTLED",
  "STEP_OUT_OF_RANGE",
  "PREVIOUS_STEP_NOT_MINED",
  "STEP_ALREADY_REPORTED",
  "INVALID_TX_HASH",
  "TX_ALREADY_REPORTED",
  "UNKNOWN_TX",
  "TX_NOT_FOR_STEP",
  "TX_BEFORE_PLAN",
  // Wallet links
  "SERVICE_TOKEN_REQUIRED",
  "UNKNOWN_SERVICE_TOKEN",
  "INVALID_CHAT_USER_ID",
  "UNKNOWN_WALLET_LINK_CHALLENGE",
  "WALLET_LINK_CHALLENGE_EXPIRED",
  "WALLET_LINK_CHALLENGE_USED",
  "NONCE_ALREADY_USED",
  "INVALID_SIWE_MESSAGE",
  "SIWE_NONCE_MISMATCH",
  "SIWE_DOMAIN_MISMATCH",
  "SIWE_URI_MISMATCH",
  "SIWE_CHAIN_MISMATCH",
  "SIWE_STATEMENT_MISMATCH",
  "SIWE_EXPIRATION_TOO_LATE",
  "SIWE_MESSAGE_EXPIRED",
  "SIWE_NOT_YET_VALID",
  "INVALID_SIGNATURE",
  "UNKNOWN_WALLET_LINK",
] as const;

export type GatewayErrorCode = (typeof gatewayErrorCodes)[number];

export const isGatewayErrorCode = (code: string): code is GatewayErrorCode =>
  (gatewayErrorCodes as readonly string[]).includes(code);
