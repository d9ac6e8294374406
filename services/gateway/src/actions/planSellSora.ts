import { soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
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

/**
 * Sells SORA for LUMA: `SoraLumaPool.swapExactIn(sora, amountIn, minOut, account)`; the pool burns
 * the SORA sold. An approval of exactly `amountIn` SORA to the pool comes first when the allowance
 * is short; `minOut` is the simulated LUMA less the tolerance.
 */
export async function planSellSora(
  chain: PlanChain,
  account: Address,
  amountInput: string,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const requested = parseAmountInput(amountInput, "SORA");
  const at = await readAtLatest(chain, tokenReads(contracts.sora, account, contracts.soraLumaPool));
  const [balance, allowance] = at.values;
  const amount = spendFromBalance(requested, { balance, symbol: "SORA", account });
  const spent: PlanAmount = { raw: amount, symbol: "SORA" };
  const swap = (minOut: bigint) =>
    draftStep(chain, "action", {
      contract: "soraLumaPool",
      functionName: "swapExactIn",
      args: [contracts.sora, amount, minOut, account],
    });
  const simulated = await simulateSteps(
    chain,
    account,
    at,
    [
      ...approvalIfShort(chain, { token: "sora", spender: contracts.soraLumaPool, amount, allowance }),
      swap(0n),
    ],
    spent,
  );
  const sold = findEvent(simulated.actionLogs, {
    address: contracts.soraLumaPool,
    abi: soraLumaPoolAbi,
    eventName: "SoraSold",
  });
  const bound = minReceived(sold.lumaOut);
  return {
    action: "sellSora",
    chainId,
    account,
    input: { amount: amountInput, resolved: spent },
    steps: withBoundAction(simulated.steps, swap(bound)),
    outcome: {
      spend: [spent],
      receive: [{ raw: sold.lumaOut, symbol: "LUMA" }],
      bound: { kind: "minReceived", amount: { raw: bound, symbol: "LUMA" } },
      simulatedAtBlock: at.blockNumber,
    },
  };
}
