import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { minReceived } from "./planBounds.ts";
import { approvalIfShort, draftStep, withBoundAction } from "./planSteps.ts";
import { readAtLatest } from "./readAtLatest.ts";
import { parseAmountInput, spendFromBalance } from "./resolveAmount.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { PlanAmount, TransactionPlan } from "./TransactionPlan.ts";
import { tokenReads } from "./tokenReads.ts";

const DAY = 86_400n;

/**
 * Option staking: `OptionStaking.stake(popAmount, minPrincipal)` locks the POP for good and opens a
 * position whose principal (LUMA) earns the daily rate up to the cap, and grants SORA quota. An
 * approval of exactly `popAmount` POP to OptionStaking comes first when the allowance is short.
 * `minPrincipal` is the simulated principal less the tolerance.
 */
export async function planStakePop(
  chain: PlanChain,
  account: Address,
  amountInput: string,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const requested = parseAmountInput(amountInput, "POP");
  const at = await readAtLatest(chain, tokenReads(contracts.pop, account, contracts.optionStaking));
  const [balance, allowance] = at.values;
  const amount = spendFromBalance(requested, { balance, symbol: "POP", account });
  const spent: PlanAmount = { raw: amount, symbol: "POP" };
  const stake = (minPrincipal: bigint) =>
    draftStep(chain, "action", {
      contract: "optionStaking",
      functionName: "stake",
      args: [amount, minPrincipal],
    });
  const simulated = await simulateSteps(
    chain,
    account,
    at,
    [
      ...approvalIfShort(chain, { token: "pop", spender: contracts.optionStaking, amount, allowance }),
      stake(0n),
    ],
    spent,
  );
  const staked = findEvent(simulated.actionLogs, {
    address: contracts.optionStaking,
    abi: optionStakingAbi,
    eventName: "Staked",
  });
  const bound = minReceived(staked.principal);
  // Rewards are earned until the cap (contract: start + capBps days / dailyRateBps), each then
  // releasing over the release period.
  const capTime = simulated.minedAt + (staked.capBps * DAY) / staked.dailyRateBps;
  return {
    action: "stakePop",
    chainId,
    account,
    input: { amount: amountInput, resolved: spent },
    steps: withBoundAction(simulated.steps, stake(bound)),
    outcome: {
      spend: [spent],
      receive: [],
      principal: { raw: staked.principal, symbol: "LUMA" },
      quotaGranted: staked.soraQuota,
      positionId: staked.positionId,
      releasesUntil: new Date(Number(capTime + staked.releasePeriod) * 1000),
      bound: { kind: "minReceived", amount: { raw: bound, symbol: "LUMA" } },
      simulatedAtBlock: at.blockNumber,
    },
  };
}
