import type { IntentStatus, IntentTransaction, IntentTxStatus } from "@luma-pulse/db";
import type { Hex, Transaction } from "viem";
import type { PlanStep } from "../actions/TransactionPlan.ts";

/**
 * A mined step is re-checked until it is this many blocks deep; a reorg deeper than that is not
 * watched for (on Ethereum-like chains 12 blocks is the usual "safe" depth before finality).
 */
export const REORG_WATCH_DEPTH = 12n;

/**
 * A reported hash the node has never heard of after this long is dropped: the page reported a hash
 * that was never broadcast, or the wallet replaced the transaction.
 */
export const NOT_SEEN_TIMEOUT_MS = 10 * 60_000;

/**
 * Why an intent failed or was dropped, as `SigningIntent.failureReason`. TX_MISMATCH is only found on
 * intents settled before reports were checked against their step (a mismatch now removes the report).
 */
export type FailureReason = "TX_MISMATCH" | "STEP_REVERTED" | "REORGED_OUT" | "TX_NOT_FOUND";

/** The first way a transaction differs from the step it was reported for (the error names it). */
export type StepMismatch = "chain" | "from" | "to" | "input" | "value";

const same = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();

/**
 * How a transaction differs from the step's, or undefined when it is the step's: on the intent's
 * chain, from the intent's account, to the step's contract, with exactly its calldata and value.
 * Anything else (another account sending the same calldata, other calldata to the same contract)
 * never confirms an intent.
 */
export function stepMismatch(
  tx: Pick<Transaction, "chainId" | "from" | "to" | "input" | "value">,
  intent: { chainId: number; account: string },
  step: Pick<PlanStep, "to" | "data" | "value">,
): StepMismatch | undefined {
  if (tx.chainId !== intent.chainId) return "chain";
  if (!same(tx.from, intent.account)) return "from";
  if (!same(tx.to, step.to)) return "to";
  if (!same(tx.input, step.data as Hex)) return "input";
  if (tx.value !== step.value) return "value";
  return undefined;
}

/**
 * Whether a transaction mined in `blockNumber` can be the plan's: only a block after the one the plan
 * was simulated at. An older transaction with the same calldata (yesterday's `claim(3)`, an earlier
 * approval) was already part of the state the plan was built on: it did nothing for this plan.
 */
export const minedAfterPlan = (blockNumber: bigint, outcome: { simulatedAtBlock: bigint }) =>
  blockNumber > outcome.simulatedAtBlock;

/**
 * An intent's status from its steps' transactions, so that it can be re-derived at any time (after a
 * crash between two writes, or by two replicas at once) with the same answer. A bad transaction
 * settles the intent at once; it is confirmed only when every step has a mined one; with no report
 * left (the watcher removed one that was not the step's) it is pending again.
 */
export function deriveIntentStatus(
  stepCount: number,
  transactions: readonly Pick<IntentTransaction, "status" | "blockHash">[],
): { status: IntentStatus; failureReason: FailureReason | null } {
  const having = (status: IntentTxStatus) => transactions.filter((tx) => tx.status === status);
  if (having("mismatched").length > 0) return { status: "failed", failureReason: "TX_MISMATCH" };
  if (having("reverted").length > 0) return { status: "failed", failureReason: "STEP_REVERTED" };
  const dropped = having("dropped");
  if (dropped.length > 0) {
    // A dropped transaction that had a block was mined once: a reorg took it out.
    const reorged = dropped.some((tx) => tx.blockHash !== null);
    return { status: "dropped", failureReason: reorged ? "REORGED_OUT" : "TX_NOT_FOUND" };
  }
  if (transactions.length === 0) return { status: "pending", failureReason: null };
  if (having("mined").length === stepCount) return { status: "confirmed", failureReason: null };
  return { status: "submitted", failureReason: null };
}
