import { AmountError } from "./AmountError.ts";
import { assertDecimals } from "./assertDecimals.ts";
import { normalizeAmountInput } from "./normalizeAmountInput.ts";

const MAX_UINT256 = 2n ** 256n - 1n;
/** Digits of 2^256 − 1; a longer integer part cannot fit, whatever the decimals. */
const MAX_UINT256_DIGITS = MAX_UINT256.toString().length;

const PLAIN_INTEGER = /^\d*$/;
/** Commas only between groups of three, so a European "0,5" is refused instead of read as 5. */
const GROUPED_INTEGER = /^[1-9]\d{0,2}(,\d{3})+$/;
const SCIENTIFIC = /^[+-]?[\d.,]*\d[\d.,]*e[+-]?\d+$/i;
/** Echoed inputs are cut so a pasted wall of text cannot blow up a chat message. */
const MAX_ECHO_LENGTH = 40;

/**
 * Parses an amount typed by a person into the token's base units, exactly.
 *
 * Accepts "100", "0.5", ".5", "1,000.25", surrounding whitespace, a leading "+", and what Chinese
 * IMEs type ("１００", "１，０００．５", "0。5"). Trailing zeros beyond the token's decimals are
 * accepted because they lose nothing ("1.0000000" for a 6-decimal token).
 *
 * @param input - what the user typed
 * @param decimals - the token's ERC-20 decimals (18 for LUMA, 6 for USDT)
 * @returns the amount in base units, greater than zero and at most 2^256 − 1
 * @throws {AmountError} with a `code` a bot can localize: `empty`, `not_a_number`, `negative`,
 *   `scientific`, `too_many_decimals`, `zero` or `too_large`
 * @throws {RangeError} when `decimals` is not an integer from 0 to 255 (a bug, not bad input)
 * @example parseAmount("1,000.25", 6) // 1000250000n
 */
export function parseAmount(input: string, decimals: number): bigint {
  assertDecimals(decimals);
  const fail = (code: AmountError["code"], message: string) =>
    new AmountError(code, message, input, decimals);

  const text = normalizeAmountInput(input);
  if (text === "") throw fail("empty", "Enter an amount.");
  if (SCIENTIFIC.test(text)) {
    throw fail("scientific", `Write the amount out in full digits: ${quote(text)} uses scientific notation.`);
  }

  const negative = text.startsWith("-");
  const unsigned = /^[+-]/.test(text) ? text.slice(1) : text;
  const parts = unsigned.split(".");
  const integerPart = parts[0] ?? "";
  const fractionPart = parts[1] ?? "";
  const wellFormed =
    parts.length <= 2 &&
    (PLAIN_INTEGER.test(integerPart) || GROUPED_INTEGER.test(integerPart)) &&
    PLAIN_INTEGER.test(fractionPart) &&
    integerPart.length + fractionPart.length > 0;
  if (!wellFormed) {
    throw fail(
      "not_a_number",
      `${quote(text)} is not an amount. Use digits with a dot for decimals, like 1000.25 or 1,000.25.`,
    );
  }

  const integerDigits = integerPart.replaceAll(",", "").replace(/^0+/, "");
  const significantFraction = fractionPart.replace(/0+$/, "");
  if (integerDigits === "" && significantFraction === "") {
    throw fail("zero", "The amount must be greater than zero.");
  }
  if (negative) throw fail("negative", "The amount must be positive.");
  if (significantFraction.length > decimals) {
    throw fail(
      "too_many_decimals",
      decimals === 0
        ? "This token has no decimal places: enter a whole number."
        : `Too many decimal places: this token has at most ${decimals}, got ${significantFraction.length}.`,
    );
  }
  // Checked on the string first so a 10,000-digit paste never becomes a huge bigint.
  const tooLarge = () => fail("too_large", "The amount is too large: it does not fit in a uint256.");
  if (integerDigits.length > MAX_UINT256_DIGITS) throw tooLarge();
  const value = BigInt(`${integerDigits}${significantFraction.padEnd(decimals, "0")}`);
  if (value > MAX_UINT256) throw tooLarge();
  return value;
}

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_ECHO_LENGTH ? `${text.slice(0, MAX_ECHO_LENGTH)}…` : text);
}
