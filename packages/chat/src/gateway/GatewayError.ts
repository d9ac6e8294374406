/** Codes the chat client itself produces (the gateway's own codes come from `extensions.code`). */
export type ClientErrorCode =
  /** The gateway could not be reached, did not answer in time, or answered with a server error page. */
  | "GATEWAY_UNAVAILABLE"
  /** The gateway answered, but not with what the operation asked for (a version mismatch: a bug). */
  | "GATEWAY_BAD_RESPONSE";

/** Codes that are worth retrying later without changing anything. */
const RETRYABLE_CODES = new Set([
  "GATEWAY_UNAVAILABLE",
  "CHAIN_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "RATE_LIMITED",
]);

/**
 * A failed gateway request, by code: the gateway's `extensions.code` + `params` (e.g.
 * INVALID_AMOUNT {value, reason, symbol, decimals}), or a {@link ClientErrorCode}. Bots word it
 * with `errorText(locale, error)`; `message` is for logs only and never shown to a chat user.
 */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Trying the same request again later may succeed (the chain, database or gateway was out of reach). */
  readonly retryable: boolean;

  constructor(
    code: string,
    params: Record<string, unknown> = {},
    options: { message?: string; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.code = code;
    this.params = params;
    this.retryable = options.retryable ?? RETRYABLE_CODES.has(code);
  }
}

/** Whether `error` is a {@link GatewayError}, optionally of one code. */
export function isGatewayError(error: unknown, code?: string): error is GatewayError {
  return error instanceof GatewayError && (code === undefined || error.code === code);
}
