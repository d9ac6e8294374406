import { BaseError, ContractFunctionRevertedError, type Hex, hexToString } from "viem";

/** A protocol contract's revert, decoded: a stable `code` for translations, and an English line. */
export type ContractErrorDescription = {
  /** The custom error's name as in contracts/src, e.g. "ParameterOutOfRange". */
  code: string;
  args: readonly unknown[];
  message: string;
};

const bytes32Text = (value: unknown) => hexToString(value as Hex).replace(/\0+$/, "");

/** English for each custom error of the protocol contracts, from its arguments. */
const messages: Record<string, (args: readonly unknown[]) => string> = {
  ParameterOutOfRange: ([name, value, min, max]) =>
    `${bytes32Text(name)} must be between ${min} and ${max}; got ${value}.`,
  OwnableUnauthorizedAccount: ([account]) =>
    `Only the protocol's owner may do this; ${account} is not the owner.`,
  ZeroAmount: () => "The amount must be greater than zero.",
  InsufficientQuota: ([, requested, available]) =>
    `Buying SORA needs quota: this buy needs ${requested} (base units) but only ${available} is left. Quota comes from option staking.`,
  NothingToClaim: ([id]) => `Position ${id} has no released rewards to claim yet.`,
  NothingLocked: ([id]) =>
    `Position ${id} has nothing still releasing, so there is nothing to release early.`,
  NotPositionOwner: ([id, caller]) => `Position ${id} does not belong to ${caller}.`,
  UnknownPosition: ([id]) => `There is no position ${id}.`,
  SlippageExceeded: ([actual, limit]) => `The result moved past the limit you set (${actual} vs ${limit}).`,
  InsufficientOutput: ([out, min]) => `The swap would return ${out}, less than the minimum ${min}.`,
  InsufficientBalance: ([balance, requested]) => `Requested ${requested} but the balance is only ${balance}.`,
  TooEarly: ([next]) =>
    `Too early: the next rebase is due at ${new Date(Number(next) * 1000).toISOString()}.`,
  RebaseDue: () => "Epochs are due: call rebase() first, then try again.",
  BelowThreshold: ([pending, threshold]) =>
    `Only ${pending} LUMA is waiting for the buyback; it needs ${threshold} before anyone may trigger it.`,
};

/**
 * Decodes a protocol contract's revert from a viem error (a simulation or a write) into a code
 * and one readable line; undefined when the error is not a contract revert (RPC down, bad input).
 */
export function describeContractError(error: unknown): ContractErrorDescription | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(revert instanceof ContractFunctionRevertedError) || !revert.data) return undefined;
  const { errorName, args = [] } = revert.data;
  const describe = messages[errorName];
  return {
    code: errorName,
    args,
    message: describe
      ? describe(args)
      : `The contract refused: ${errorName}(${args.map(String).join(", ")}).`,
  };
}
