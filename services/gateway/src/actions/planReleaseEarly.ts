import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import { type Address, maxUint256 } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { maxFee } from "./planBounds.ts";
import { draftStep, withBoundAction } from "./planSteps.ts";
import { readOwnPosition } from "./readOwnPosition.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { TransactionPlan } from "./TransactionPlan.ts";

/**
 * Takes everything an option position has earned now: `OptionStaking.releaseEarly(positionId,
 * maxFee)` pays the released part free and the still-releasing part less the early-release fee
 * (split into SORA buyback and LUMA burn). `maxFee` is the simulated fee plus the tolerance; a
 * position with nothing still releasing is NOTHING_LOCKED.
 */
export async function planReleaseEarly(
  chain: PlanChain,
  account: Address,
  positionId: bigint,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const at = await readOwnPosition(chain, account, positionId);
  const release = (feeLimit: bigint) =>
    draftStep(chain, "action", {
      contract: "optionStaking",
      functionName: "releaseEarly",
      args: [positionId, feeLimit],
    });
  const simulated = await simulateSteps(chain, account, at, [release(maxUint256)]);
  const released = findEvent(simulated.actionLogs, {
    address: contracts.optionStaking,
    abi: optionStakingAbi,
    eventName: "EarlyReleased",
  });
  const bound = maxFee(released.fee);
  return {
    action: "releaseEarly",
    chainId,
    account,
    input: { positionId },
    steps: withBoundAction(simulated.steps, release(bound)),
    outcome: {
      spend: [],
      receive: [{ raw: released.paidOut, symbol: "LUMA" }],
      fee: {
        amount: { raw: released.fee, symbol: "LUMA" },
        toBuyback: released.feeToBuyback,
        burned: released.feeBurned,
      },
      positionId,
      bound: { kind: "maxFee", amount: { raw: bound, symbol: "LUMA" } },
      simulatedAtBlock: at.blockNumber,
    },
  };
}
