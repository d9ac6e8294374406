import type { Hash, PublicClient } from "viem";
import { domainError } from "../errors/domainError.ts";
import { minedAfterPlan, stepMismatch } from "./confirmationRules.ts";
import { findSentTransaction } from "./findSentTransaction.ts";
import type { IntentRecord } from "./IntentRecord.ts";
import { planOf } from "./intentView.ts";

/**
 * Refuses a reported transaction that is not the step's, before anything is stored: a hash the node
 * does not know (UNKNOWN_TX), one that differs from the step in chain, sender, contract, calldata or
 * value (TX_NOT_FOR_STEP), or one mined no later than the block the plan was simulated at
 * (TX_BEFORE_PLAN: it was part of the state the plan was built on). Only the account's own
 * transaction, sent for this plan, can take a step's slot, so nobody else holding the link can fail
 * the intent or block the member's real transaction.
 */
export async function verifyReportedTransaction(
  deps: { client: Pick<PublicClient, "getTransaction">; txLookupMs?: number },
  intent: IntentRecord,
  stepIndex: number,
  txHash: Hash,
): Promise<void> {
  const plan = planOf(intent);
  const step = plan.steps[stepIndex];
  if (!step) throw domainError("STEP_OUT_OF_RANGE", { step: stepIndex, steps: plan.steps.length });
  const sent = await findSentTransaction(deps.client, txHash, deps.txLookupMs);
  if (!sent) throw domainError("UNKNOWN_TX", { txHash });
  const mismatch = stepMismatch(sent, intent, step);
  if (mismatch) throw domainError("TX_NOT_FOR_STEP", { txHash, step: stepIndex, mismatch });
  // A pending one has no block yet: the watcher checks the block it lands in.
  if (sent.blockNumber !== null && !minedAfterPlan(sent.blockNumber, plan.outcome)) {
    throw domainError("TX_BEFORE_PLAN", {
      txHash,
      blockNumber: sent.blockNumber.toString(),
      simulatedAtBlock: plan.outcome.simulatedAtBlock.toString(),
    });
  }
}
