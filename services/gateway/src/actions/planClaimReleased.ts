import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { draftStep } from "./planSteps.ts";
import { readOwnPosition } from "./readOwnPosition.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { TransactionPlan } from "./TransactionPlan.ts";

/**
 * Claims an option position's released rewards, free: `OptionStaking.claim(positionId)`. A position
 * with nothing released yet is NOTHING_TO_CLAIM. What is claimable only grows with time, so the
 * member receives at least the simulated amount.
 */
export async function planClaimReleased(
  chain: PlanChain,
  account: Address,
  positionId: bigint,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const at = await readOwnPosition(chain, account, positionId);
  const simulated = await simulateSteps(chain, account, at, [
    draftStep(chain, "action", { contract: "optionStaking", functionName: "claim", args: [positionId] }),
  ]);
  const claimed = findEvent(simulated.actionLogs, {
    address: contracts.optionStaking,
    abi: optionStakingAbi,
    eventName: "RewardClaimed",
  });
  return {
    action: "claimReleased",
    chainId,
    account,
    input: { positionId },
    steps: simulated.steps,
    outcome: {
      spend: [],
      receive: [{ raw: claimed.amount, symbol: "LUMA" }],
      positionId,
      simulatedAtBlock: at.blockNumber,
    },
  };
}
