import { type TokenSymbol, tokenDecimals } from "@luma-pulse/protocol/browser";
import type { Deployment, IntentStep } from "../api/types.ts";

/** An amount read from a call's arguments: base units of a token the page knows the decimals of. */
export type CallAmount = { raw: bigint; symbol: TokenSymbol; decimals: number };

/** The slippage bound written into a call: what reverts it. */
export type CallBound = { kind: "MIN_RECEIVED" | "MAX_FEE"; amount: CallAmount };

/**
 * What a step's call says, in the terms the page shows: read from its arguments (the values the
 * calldata was re-encoded from), never from the gateway's descriptions of them.
 */
export type CallTerms = {
  /** "contract.function" */
  call: string;
  /** What the call takes from the account (an approval spends nothing). */
  spend?: CallAmount;
  bound?: CallBound;
  positionId?: bigint;
  /** approve: who may spend, and how much of which token. */
  spender?: string;
  approved?: CallAmount;
  /** swapExactIn: the token sold (an address) and who receives what is bought. */
  tokenIn?: string;
  recipient?: string;
};

/** The token each approvable contract is. */
export const tokenOfContract: Readonly<Record<string, TokenSymbol>> = {
  pop: "POP",
  luma: "LUMA",
  sora: "SORA",
};

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The protocol contract's manifest name at `address`, if it is one. */
export const contractNameAt = (deployment: Deployment, address: string) =>
  deployment.contracts.find((contract) => sameAddress(contract.address, address))?.name;

/** The deployment's address of contract `name`. */
export const contractAddress = (deployment: Deployment, name: string) =>
  deployment.contracts.find((contract) => contract.name === name)?.address;

const amountOf = (raw: bigint, symbol: TokenSymbol): CallAmount => ({
  raw,
  symbol,
  decimals: tokenDecimals[symbol],
});

/** A uint argument as the calldata check accepted it: decimal digits, no sign, no leading zero. */
const uintOf = (value: string | undefined) =>
  value !== undefined && /^(0|[1-9]\d*)$/.test(value) ? BigInt(value) : undefined;

/**
 * Reads a signable call's arguments into {@link CallTerms}; undefined when the call is not one of
 * the signable ones or its arguments do not read as that call (wrong count, not a number). A swap
 * of a token that is neither LUMA nor SORA reads without amounts: the page cannot name them.
 */
export function readCallTerms(step: IntentStep, deployment: Deployment): CallTerms | undefined {
  const call = `${step.contract}.${step.functionName}`;
  const values = step.args.map((arg) => arg.value);
  const [a0, a1, a2, a3] = values;
  const count = (n: number) => values.length === n;
  const token = tokenOfContract[step.contract];
  if (step.functionName === "approve" && token) {
    const amount = uintOf(a1);
    if (!count(2) || a0 === undefined || amount === undefined) return undefined;
    return { call, spender: a0, approved: amountOf(amount, token) };
  }
  switch (call) {
    case "rebaseStaking.stake":
    case "rebaseStaking.unstake": {
      const amount = uintOf(a0);
      if (!count(1) || amount === undefined) return undefined;
      return { call, spend: amountOf(amount, call.endsWith(".stake") ? "LUMA" : "sLUMA") };
    }
    case "optionStaking.stake": {
      const [pop, minPrincipal] = [uintOf(a0), uintOf(a1)];
      if (!count(2) || pop === undefined || minPrincipal === undefined) return undefined;
      return {
        call,
        spend: amountOf(pop, "POP"),
        bound: { kind: "MIN_RECEIVED", amount: amountOf(minPrincipal, "LUMA") },
      };
    }
    case "optionStaking.claim": {
      const positionId = uintOf(a0);
      return count(1) && positionId !== undefined ? { call, positionId } : undefined;
    }
    case "optionStaking.releaseEarly": {
      const [positionId, maxFee] = [uintOf(a0), uintOf(a1)];
      if (!count(2) || positionId === undefined || maxFee === undefined) return undefined;
      return { call, positionId, bound: { kind: "MAX_FEE", amount: amountOf(maxFee, "LUMA") } };
    }
    case "soraLumaPool.swapExactIn": {
      const [amountIn, minOut] = [uintOf(a1), uintOf(a2)];
      if (
        !count(4) ||
        a0 === undefined ||
        a3 === undefined ||
        amountIn === undefined ||
        minOut === undefined
      ) {
        return undefined;
      }
      const sold = tokenOfContract[contractNameAt(deployment, a0) ?? ""];
      const bought = sold === "LUMA" ? "SORA" : sold === "SORA" ? "LUMA" : undefined;
      const terms: CallTerms = { call, tokenIn: a0, recipient: a3 };
      if (!sold || !bought) return terms;
      return {
        ...terms,
        spend: amountOf(amountIn, sold),
        bound: { kind: "MIN_RECEIVED", amount: amountOf(minOut, bought) },
      };
    }
    default:
      return undefined;
  }
}
