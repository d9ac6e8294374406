import {
  AmountError,
  formatAmount,
  parseAmount,
  type TokenSymbol,
  tokenDecimals,
} from "@luma-pulse/protocol";
import type { Address } from "viem";
import { domainError } from "../errors/domainError.ts";

/** "max" in any case, with spaces around: the whole balance (or quota) rather than a number. */
export const MAX = "max";

/** Inputs are echoed in errors; a pasted wall of text is cut (parseAmount does the same). */
const MAX_ECHO_LENGTH = 40;

/**
 * An amount as a member typed it, parsed against `symbol`'s decimals: base units, or "max".
 * Bad input (abc, -1, 1e18, too many decimals, zero…) is an INVALID_AMOUNT with parseAmount's reason.
 */
export function parseAmountInput(input: string, symbol: TokenSymbol): bigint | typeof MAX {
  if (input.trim().toLowerCase() === MAX) return MAX;
  const decimals = tokenDecimals[symbol];
  try {
    return parseAmount(input, decimals);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    const value = input.length > MAX_ECHO_LENGTH ? `${input.slice(0, MAX_ECHO_LENGTH)}…` : input;
    throw domainError("INVALID_AMOUNT", { value, reason: error.code, symbol, decimals });
  }
}

/** Whole tokens, every decimal kept: what an error shows, so a member can type it back exactly. */
export const exactTokens = (raw: bigint, symbol: TokenSymbol) => formatAmount(raw, tokenDecimals[symbol]);

/**
 * The amount to spend out of `balance`: "max" is all of it; a number must not exceed it. An empty
 * balance is NO_BALANCE, too little INSUFFICIENT_BALANCE (saying how much the account has).
 */
export function spendFromBalance(
  amount: bigint | typeof MAX,
  { balance, symbol, account }: { balance: bigint; symbol: TokenSymbol; account: Address },
): bigint {
  if (balance === 0n) throw domainError("NO_BALANCE", { symbol, account });
  if (amount === MAX) return balance;
  if (amount > balance) {
    throw domainError("INSUFFICIENT_BALANCE", {
      symbol,
      requested: exactTokens(amount, symbol),
      balance: exactTokens(balance, symbol),
      requestedRaw: amount.toString(),
      balanceRaw: balance.toString(),
    });
  }
  return amount;
}
