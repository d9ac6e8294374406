import { describeContractError } from "@luma-pulse/protocol";
import {
  feeBuybackAbi,
  mintableTokenAbi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import { type Abi, ContractFunctionRevertedError, type Hex } from "viem";
import { type DomainError, domainError } from "../errors/domainError.ts";
import type { DraftStep } from "./planSteps.ts";
import { exactTokens } from "./resolveAmount.ts";
import type { PlanAmount } from "./TransactionPlan.ts";

/** Every custom error a plan's calls can revert with (the staking contracts, the pool, the tokens). */
const protocolErrors = [
  ...optionStakingAbi,
  ...rebaseStakingAbi,
  ...soraLumaPoolAbi,
  ...feeBuybackAbi,
  ...soraAbi,
  ...mintableTokenAbi,
].filter((item) => item.type === "error") as Abi;

/**
 * Why a step failed in the simulation, as a domain error: the reverts a member can cause (nothing
 * to claim, quota, a position that is not theirs, an amount too small to give anything) get their
 * own codes; any other revert is PLAN_REVERTED with the contract's error and a readable line.
 * `spent` is what the member puts in, if anything: a zero result from it means it was too small.
 */
export function planRevertError(
  stepIndex: number,
  step: DraftStep,
  revertData: Hex,
  spent?: PlanAmount,
): DomainError {
  const revert = new ContractFunctionRevertedError({
    abi: protocolErrors,
    data: revertData,
    functionName: step.call.functionName,
  });
  const described = describeContractError(revert);
  const code = described?.code ?? "unknown";
  const args = described?.args ?? [];
  const id = String(step.call.args[0]);
  const givesNothing = code === "ZeroAmount" || (code === "InsufficientOutput" && args[0] === 0n);
  if (spent && givesNothing) {
    return domainError("AMOUNT_TOO_SMALL", {
      value: exactTokens(spent.raw, spent.symbol),
      symbol: spent.symbol,
    });
  }
  switch (code) {
    case "NothingToClaim":
      return domainError("NOTHING_TO_CLAIM", { id });
    case "NothingLocked":
      return domainError("NOTHING_LOCKED", { id });
    case "UnknownPosition":
      return domainError("UNKNOWN_POSITION", { id });
    case "NotPositionOwner":
      return domainError("POSITION_NOT_OWNED", { id, account: String(args[1]) });
    case "InsufficientQuota": {
      const [, requested, available] = args as [string, bigint, bigint];
      return domainError("QUOTA_EXCEEDED", {
        requested: exactTokens(requested, "SORA"),
        quota: exactTokens(available, "SORA"),
        requestedRaw: requested.toString(),
        quotaRaw: available.toString(),
      });
    }
  }
  return domainError("PLAN_REVERTED", {
    step: stepIndex + 1,
    contractError: code,
    reason: described?.message ?? `the contract reverted without a reason (${revertData}).`,
  });
}
