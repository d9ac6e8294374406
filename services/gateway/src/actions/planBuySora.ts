import { soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { findEvent } from "./findEvent.ts";
import type { PlanChain } from "./PlanChain.ts";
import { minReceived } from "./planBounds.ts";
import { approvalIfShort, draftStep, withBoundAction } from "./planSteps.ts";
import { readAtLatest } from "./readAtLatest.ts";
import { parseAmountInput } from "./resolveAmount.ts";
import { resolveSoraBuy } from "./resolveSoraBuy.ts";
import { simulateSteps } from "./simulateSteps.ts";
import type { PlanAmount, TransactionPlan } from "./TransactionPlan.ts";
import { tokenReads } from "./tokenReads.ts";

/**
 * Buys SORA with LUMA within the account's quota: `SoraLumaPool.swapExactIn(luma, amountIn, minOut,
 * account)`, which consumes quota by the SORA bought. An approval of exactly `amountIn` LUMA to the
 * pool comes first when the allowance is short; `minOut` is the simulated SORA less the tolerance.
 * "max" spends what buys the whole remaining quota at the current price (a price that moves in the
 * member's favour before it is mined would then exceed the quota, and the pool refuses: plan again).
 */
export async function planBuySora(
  chain: PlanChain,
  account: Address,
  amountInput: string,
): Promise<TransactionPlan> {
  const { contracts, chainId } = chain.manifest;
  const pool = { address: contracts.soraLumaPool, abi: soraLumaPoolAbi } as const;
  const requested = parseAmountInput(amountInput, "LUMA");
  const at = await readAtLatest(chain, [
    ...tokenReads(contracts.luma, account, contracts.soraLumaPool),
    { ...pool, functionName: "quotaOf", args: [account] },
    { ...pool, functionName: "getReserves" },
  ]);
  const [lumaBalance, allowance, quota, [soraReserve, lumaReserve]] = at.values;
  const amount = resolveSoraBuy(requested, { account, lumaBalance, quota, soraReserve, lumaReserve });
  const spent: PlanAmount = { raw: amount, symbol: "LUMA" };
  const swap = (minOut: bigint) =>
    draftStep(chain, "action", {
      contract: "soraLumaPool",
      functionName: "swapExactIn",
      args: [contracts.luma, amount, minOut, account],
    });
  const simulated = await simulateSteps(
    chain,
    account,
    at,
    [
      ...approvalIfShort(chain, { token: "luma", spender: contracts.soraLumaPool, amount, allowance }),
      swap(0n),
    ],
    spent,
  );
  const used = findEvent(simulated.actionLogs, { ...pool, eventName: "QuotaUsed" });
  const bound = minReceived(used.amount);
  return {
    action: "buySora",
    chainId,
    account,
    input: { amount: amountInput, resolved: spent },
    steps: withBoundAction(simulated.steps, swap(bound)),
    outcome: {
      spend: [spent],
      receive: [{ raw: used.amount, symbol: "SORA" }],
      quotaUsed: used.amount,
      bound: { kind: "minReceived", amount: { raw: bound, symbol: "SORA" } },
      simulatedAtBlock: at.blockNumber,
    },
  };
}
