import { rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { approvalIfShort, draftStep } from "./planSteps.ts";
import { readAtLatest } from "./readAtLatest.ts";
import { parseAmountInput, spendFromBalance } from "./resolveAmount.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { PlanAmount, TransactionPlan } from "./TransactionPlan.ts";
import { tokenReads } from "./tokenReads.ts";

/**
 * Rebase staking: `RebaseStaking.stake(amount)` mints sLUMA 1:1 for LUMA, after an approval of
 * exactly `amount` LUMA to RebaseStaking when the allowance is short. "max" stakes all the LUMA.
 */
export async function planStakeLuma(
  chain: PlanChain,
  account: Address,
  amountInput: string,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const requested = parseAmountInput(amountInput, "LUMA");
  const at = await readAtLatest(chain, tokenReads(contracts.luma, account, contracts.rebaseStaking));
  const [balance, allowance] = at.values;
  const amount = spendFromBalance(requested, { balance, symbol: "LUMA", account });
  const spent: PlanAmount = { raw: amount, symbol: "LUMA" };
  const simulated = await simulateSteps(
    chain,
    account,
    at,
    [
      ...approvalIfShort(chain, { token: "luma", spender: contracts.rebaseStaking, amount, allowance }),
      draftStep(chain, "action", { contract: "rebaseStaking", functionName: "stake", args: [amount] }),
    ],
    spent,
  );
  const staked = findEvent(simulated.actionLogs, {
    address: contracts.rebaseStaking,
    abi: rebaseStakingAbi,
    eventName: "Staked",
  });
  return {
    action: "stakeLuma",
    chainId,
    account,
    input: { amount: amountInput, resolved: spent },
    steps: simulated.steps,
    outcome: {
      spend: [spent],
      receive: [{ raw: staked.lumaAmount, symbol: "sLUMA" }],
      simulatedAtBlock: at.blockNumber,
    },
  };
}
