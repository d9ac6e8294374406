import {
  AmountError,
  formatAmount,
  parseAmount,
  type TokenSymbol,
  tokenDecimals,
} from "@luma-pulse/protocol";
import type { ArgSpec } from "./CommandDefinition.ts";
import { echo, type UsageProblem } from "./UsageProblem.ts";

/** An amount argument: all of it, or an exact amount in base units. */
export type AmountArg =
  | { kind: "max" }
  /** `text`: the amount in whole tokens as the gateway's plan mutations take it ("1000.5"). */
  | { kind: "exact"; raw: bigint; decimals: number; symbol: TokenSymbol; text: string };

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: UsageProblem };

const MAX_WORDS = new Set(["max", "all", "全部", "最大"]);
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Positions are uint256 ids; 20 digits is far beyond any that will exist and keeps bigints small. */
const POSITION = /^#?(\d{1,20})$/;

/** An amount of `symbol`, exactly (via the protocol's parseAmount), or "max" where allowed. */
export function parseAmountArg(word: string, symbol: TokenSymbol, allowMax: boolean): Parsed<AmountArg> {
  if (allowMax && MAX_WORDS.has(word.toLowerCase())) return { ok: true, value: { kind: "max" } };
  const decimals = tokenDecimals[symbol];
  try {
    const raw = parseAmount(word, decimals);
    const text = formatAmount(raw, decimals, { grouping: false });
    return { ok: true, value: { kind: "exact", raw, decimals, symbol, text } };
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    return {
      ok: false,
      problem: { code: "amount", reason: error.code, value: echo(word), symbol, decimals },
    };
  }
}

/** One of `choices`, case-insensitively. */
export function parseChoiceArg<C extends string>(word: string, choices: readonly C[]): Parsed<C> {
  const value = choices.find((choice) => choice === word.toLowerCase());
  return value !== undefined
    ? { ok: true, value }
    : { ok: false, problem: { code: "choice", value: echo(word), choices } };
}

/** A 20-byte hex address (the gateway checksums it). */
export function parseAddressArg(word: string): Parsed<string> {
  return ADDRESS.test(word)
    ? { ok: true, value: word }
    : { ok: false, problem: { code: "address", value: echo(word) } };
}

/** A position number, "3" or "#3". */
export function parsePositionArg(word: string): Parsed<bigint> {
  const digits = POSITION.exec(word)?.[1];
  return digits !== undefined
    ? { ok: true, value: BigInt(digits) }
    : { ok: false, problem: { code: "position", value: echo(word) } };
}

/** Reads one word for `spec`; `symbol` is the token an amount is of (already resolved from `symbolFrom`). */
export function parseArgument(
  spec: Exclude<ArgSpec, { kind: "words" }>,
  word: string,
  symbol?: TokenSymbol,
): Parsed<unknown> {
  switch (spec.kind) {
    case "amount":
      return parseAmountArg(word, symbol ?? spec.symbol, spec.allowMax);
    case "choice":
      return parseChoiceArg(word, spec.choices);
    case "address":
      return parseAddressArg(word);
    case "position":
      return parsePositionArg(word);
  }
}
