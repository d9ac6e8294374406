import { type Abi, type Address, encodeFunctionData, erc20Abi, getAddress, type Hex, isAddress } from "viem";
import { optionStakingAbi, rebaseStakingAbi, soraLumaPoolAbi } from "../generated/abis.ts";
import type { ContractName } from "../manifest/manifestSchema.ts";
import type { TokenSymbol } from "../tokens.ts";

/**
 * Every call a transaction plan may ask a wallet to sign, by contract and function. The gateway
 * builds calldata with {@link encodeSignableCall}; the signing page re-encodes the call it shows
 * with the same function and refuses calldata that differs ("what you see is what you sign").
 * Anything not listed here cannot be encoded, so neither side can be talked into another call.
 */
const signableFunctions = {
  pop: { abi: erc20Abi, functions: ["approve"] },
  luma: { abi: erc20Abi, functions: ["approve"] },
  sora: { abi: erc20Abi, functions: ["approve"] },
  optionStaking: { abi: optionStakingAbi, functions: ["stake", "claim", "releaseEarly"] },
  rebaseStaking: { abi: rebaseStakingAbi, functions: ["stake", "unstake"] },
  soraLumaPool: { abi: soraLumaPoolAbi, functions: ["swapExactIn"] },
} as const satisfies Partial<Record<ContractName, { abi: Abi; functions: readonly string[] }>>;

export type SignableContract = keyof typeof signableFunctions;

/**
 * The token each approvable contract is (the ERC-20s above, whose only signable call is `approve`):
 * what an approval step lets a spender take, to word it and compare it with what the plan spends.
 */
export const approvableTokens = {
  pop: "POP",
  luma: "LUMA",
  sora: "SORA",
} as const satisfies Partial<Record<SignableContract, TokenSymbol>>;

export type ApprovableToken = keyof typeof approvableTokens;

/** Whether `contract` (a manifest name) is one of the {@link approvableTokens}. */
export const isApprovableToken = (contract: string): contract is ApprovableToken =>
  Object.hasOwn(approvableTokens, contract);

/**
 * The manifest name of the signable contract at `address` (any case) in a deployment's `contracts`,
 * or undefined for any other address: how a spender or a swap's token argument is named.
 */
export function signableContractAt(
  contracts: Readonly<Partial<Record<ContractName, string>>>,
  address: string,
): SignableContract | undefined {
  const lower = address.toLowerCase();
  return (Object.keys(signableFunctions) as SignableContract[]).find(
    (name) => contracts[name]?.toLowerCase() === lower,
  );
}

/**
 * A contract call in the form people can read: the contract's manifest name, the function, and its
 * arguments as strings (uints in decimal, addresses checksummed), in ABI order.
 */
export type SignableCall = {
  contract: SignableContract;
  functionName: string;
  args: readonly string[];
};

/** The call is not one a plan may contain, or its arguments do not fit the function. */
export class UnsignableCallError extends Error {}

/** The ABI inputs (name and type, in order) of a signable call: what the page labels each argument with. */
export function signableCallInputs(call: Pick<SignableCall, "contract" | "functionName">) {
  const entry = signableFunctions[call.contract] as { abi: Abi; functions: readonly string[] } | undefined;
  if (!entry?.functions.includes(call.functionName)) {
    throw new UnsignableCallError(`${call.contract}.${call.functionName} is not a call a plan may contain`);
  }
  const item = entry.abi.find((i) => i.type === "function" && i.name === call.functionName);
  if (item?.type !== "function") {
    throw new UnsignableCallError(`${call.contract} has no function ${call.functionName}`);
  }
  return {
    abi: [item] as Abi,
    inputs: item.inputs.map((input) => ({ name: input.name ?? "", type: input.type })),
  };
}

/** ABI-encodes a signable call; throws {@link UnsignableCallError} for anything else. */
export function encodeSignableCall(call: SignableCall): Hex {
  const { abi, inputs } = signableCallInputs(call);
  if (inputs.length !== call.args.length) {
    throw new UnsignableCallError(
      `${call.contract}.${call.functionName} takes ${inputs.length} arguments, got ${call.args.length}`,
    );
  }
  const args = inputs.map((input, i) => toAbiValue(input.type, call.args[i] as string));
  return encodeFunctionData({ abi, functionName: call.functionName, args });
}

function toAbiValue(type: string, value: string): bigint | Address {
  if (type === "address") {
    if (!isAddress(value, { strict: false })) throw new UnsignableCallError(`"${value}" is not an address`);
    return getAddress(value);
  }
  if (/^uint(\d+)?$/.test(type)) {
    if (!/^(0|[1-9]\d*)$/.test(value)) throw new UnsignableCallError(`"${value}" is not a ${type}`);
    return BigInt(value);
  }
  throw new UnsignableCallError(`arguments of type ${type} are not signable`);
}
