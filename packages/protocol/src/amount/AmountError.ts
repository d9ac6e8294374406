/**
 * Why an amount typed by a user was rejected. Bots localize by this code, so it is part of the
 * public contract: add codes, never rename them.
 */
export type AmountErrorCode =
  | "empty"
  | "not_a_number"
  | "negative"
  | "scientific"
  | "too_many_decimals"
  | "zero"
  | "too_large";

/**
 * A user-input error from {@link parseAmount}. `message` is readable English; `code` (and
 * `decimals` for `too_many_decimals`) is what a bot needs to say the same thing in another language.
 */
export class AmountError extends Error {
  override readonly name = "AmountError";
  /** Machine-readable reason, stable across releases. */
  readonly code: AmountErrorCode;
  /** The input exactly as received, before any normalisation. */
  readonly input: string;
  /** The token's decimals the input was parsed against. */
  readonly decimals: number;

  constructor(code: AmountErrorCode, message: string, input: string, decimals: number) {
    super(message);
    this.code = code;
    this.input = input;
    this.decimals = decimals;
  }
}
