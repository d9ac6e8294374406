import type { Address, Log } from "viem";
import type { PlanChain } from "./PlanChain.ts";
import { gasLimit } from "./planBounds.ts";
import { planRevertError } from "./planRevertError.ts";
import type { DraftStep } from "./planSteps.ts";
import type { ReadAtBlock } from "./readAtLatest.ts";
import type { PlanAmount, PlanStep } from "./TransactionPlan.ts";

/** What the simulation of a plan's steps says. */
export type SimulatedSteps = {
  /** Each step with its gas limit (simulated gas + headroom). */
  steps: PlanStep[];
  /** The logs of the last step (the action), to decode its outcome from. */
  actionLogs: Log[];
  /** The simulated block's timestamp: when the action is assumed to be mined. */
  minedAt: bigint;
};

/**
 * Runs every step in order, from `account`, in one `eth_simulateV1` call on top of the block the
 * plan's reads were made at, so the action sees the approval before it. The steps run as the next
 * block (number + 1, one second later), the earliest a wallet could get them into: a time-dependent
 * call (a claim, an early release) then has the time it will have at the soonest, not the time of a
 * block already mined. viem's `simulateCalls` wraps the same RPC call but cannot set the block's
 * number and time. A failing step becomes a typed domain error (see {@link planRevertError}).
 */
export async function simulateSteps(
  { client }: PlanChain,
  account: Address,
  at: ReadAtBlock<unknown>,
  drafts: DraftStep[],
  spent?: PlanAmount,
): Promise<SimulatedSteps> {
  const minedAt = at.timestamp + 1n;
  const [block] = await client.simulateBlocks({
    blockNumber: at.blockNumber,
    blocks: [
      {
        blockOverrides: { number: at.blockNumber + 1n, time: minedAt },
        calls: drafts.map((step) => ({ from: account, to: step.to, data: step.data, value: step.value })),
      },
    ],
  });
  const results = block?.calls ?? [];
  if (results.length !== drafts.length) {
    throw new Error(`eth_simulateV1 answered ${results.length} calls for ${drafts.length} steps`);
  }
  const steps = drafts.map((draft, i): PlanStep => {
    const result = results[i] as (typeof results)[number];
    if (result.status !== "success") throw planRevertError(i, draft, result.data, spent);
    // Before refunds when the node says (an approval used up by transferFrom is refunded after the fact).
    const used =
      result.maxUsedGas !== undefined && result.maxUsedGas > result.gasUsed
        ? result.maxUsedGas
        : result.gasUsed;
    return { ...draft, gas: gasLimit(used) };
  });
  return { steps, actionLogs: results.at(-1)?.logs ?? [], minedAt };
}
