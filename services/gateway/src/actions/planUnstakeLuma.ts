import { rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { draftStep } from "./planSteps.ts";
import { readAtLatest } from "./readAtLatest.ts";
import { parseAmountInput, spendFromBalance } from "./resolveAmount.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { PlanAmount, TransactionPlan } from "./TransactionPlan.ts";

/**
 * Rebase unstaking: `RebaseStaking.unstake(amount)` turns sLUMA into LUMA less the claim fee, which
 * is split into SORA buyback and LUMA burn. No approval (sLUMA is RebaseStaking's own ledger).
 * "max" is the whole sLUMA balance, sent as that exact number (the contract would also take
 * type(uint256).max, but then the page could not show what leaves the wallet).
 */
export async function planUnstakeLuma(
  chain: PlanChain,
  account: Address,
  amountInput: string,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const requested = parseAmountInput(amountInput, "sLUMA");
  const at = await readAtLatest(chain, [
    { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "balanceOf", args: [account] },
  ]);
  const [balance] = at.values;
  const amount = spendFromBalance(requested, { balance, symbol: "sLUMA", account });
  const spent: PlanAmount = { raw: amount, symbol: "sLUMA" };
  const simulated = await simulateSteps(
    chain,
    account,
    at,
    [draftStep(chain, "action", { contract: "rebaseStaking", functionName: "unstake", args: [amount] })],
    spent,
  );
  const unstaked = findEvent(simulated.actionLogs, {
    address: contracts.rebaseStaking,
    abi: rebaseStakingAbi,
    eventName: "Unstaked",
  });
  return {
    action: "unstakeLuma",
    chainId,
    account,
    input: { amount: amountInput, resolved: spent },
    steps: simulated.steps,
    outcome: {
      spend: [spent],
      receive: [{ raw: unstaked.lumaOut, symbol: "LUMA" }],
      fee: {
        amount: { raw: unstaked.fee, symbol: "LUMA" },
        toBuyback: unstaked.feeToBuyback,
        burned: unstaked.feeBurned,
      },
      simulatedAtBlock: at.blockNumber,
    },
  };
}
