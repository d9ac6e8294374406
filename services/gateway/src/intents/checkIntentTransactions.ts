import type { IntentTransaction, PrismaClient } from "@luma-pulse/db";
import {
  type Hash,
  type PublicClient,
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
} from "viem";
import {
  deriveIntentStatus,
  minedAfterPlan,
  NOT_SEEN_TIMEOUT_MS,
  REORG_WATCH_DEPTH,
  stepMismatch,
} from "./confirmationRules.ts";
import { type IntentRecord, withTransactions } from "./IntentRecord.ts";
import { settledStatuses } from "./intentStatus.ts";
import { planOf } from "./intentView.ts";

export type CheckDeps = {
  prisma: PrismaClient;
  client: PublicClient;
  /** Overrides {@link NOT_SEEN_TIMEOUT_MS} (tests). */
  notSeenTimeoutMs?: number;
};

type TxChange = Pick<IntentTransaction, "status" | "blockNumber" | "blockHash">;

/**
 * The report is not the step's after all: it is removed (the step can be reported again), never
 * turned into a failure, so a report cannot end someone else's intent. Reports are checked against
 * their step when made, so this is defence in depth (e.g. a transaction pending when reported that
 * is mined no later than the block the plan was simulated at).
 */
const REMOVE = "remove";

/** `undefined` for "not found", rethrowing anything else (the node being away must not drop a tx). */
const orMissing = <T>(promise: Promise<T>) =>
  promise.catch((error: unknown) => {
    if (error instanceof TransactionReceiptNotFoundError || error instanceof TransactionNotFoundError) {
      return undefined;
    }
    throw error;
  });

/**
 * What the chain says about one reported transaction now, or undefined when nothing changed. A pending
 * one is mined (and checked against its step), reverted, removed, or still waiting; a mined one
 * still in its block is left alone, moved if a reorg re-mined it elsewhere, pending again if it went
 * back to the mempool, dropped if the node no longer knows it.
 */
async function observe(
  deps: CheckDeps,
  intent: IntentRecord,
  tx: IntentTransaction,
  now: Date,
): Promise<TxChange | typeof REMOVE | undefined> {
  const hash = tx.txHash as Hash;
  const receipt = await orMissing(deps.client.getTransactionReceipt({ hash }));
  if (receipt) {
    if (tx.status === "mined" && receipt.blockHash === tx.blockHash) return undefined;
    const plan = planOf(intent);
    const step = plan.steps[tx.stepIndex];
    const sent = await orMissing(deps.client.getTransaction({ hash }));
    // The receipt without its transaction: the node is mid-reorg; look again at the next block.
    if (!sent || !step) return undefined;
    if (stepMismatch(sent, intent, step) || !minedAfterPlan(receipt.blockNumber, plan.outcome)) return REMOVE;
    const status = receipt.status === "reverted" ? "reverted" : "mined";
    return { status, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
  }
  const known = await orMissing(deps.client.getTransaction({ hash }));
  if (known) {
    // In the mempool: a mined one came back there after a reorg; it may be mined again.
    return tx.status === "mined"
      ? { status: "pending", blockNumber: tx.blockNumber, blockHash: tx.blockHash }
      : undefined;
  }
  const reorgedOut = tx.status === "mined";
  const waitedTooLong =
    now.getTime() - tx.reportedAt.getTime() >= (deps.notSeenTimeoutMs ?? NOT_SEEN_TIMEOUT_MS);
  // A reorged-out tx keeps its old block hash: that is how its intent reads REORGED_OUT.
  return reorgedOut || waitedTooLong
    ? { status: "dropped", blockNumber: tx.blockNumber, blockHash: tx.blockHash }
    : undefined;
}

/** Whether a reported transaction still needs looking at, with the chain at `head`. */
export const isOpen = (tx: IntentTransaction, head: bigint) =>
  tx.status === "pending" ||
  (tx.status === "mined" && tx.blockNumber !== null && tx.blockNumber > head - REORG_WATCH_DEPTH);

/**
 * Checks every open transaction of one intent against the chain and re-derives the intent's status.
 * The chain is read first; then the transaction changes and the intent's new status are written in one
 * database transaction, so no reader ever sees a step changed but the intent's status not yet (e.g. a
 * report removed while the intent still says submitted). Every write is conditional on the row being
 * as it was read, so two replicas (or a report and the watcher) checking the same intent at once write
 * each change once and never undo each other's. Returns whether anything changed.
 */
export async function checkIntentTransactions(
  deps: CheckDeps,
  intent: IntentRecord,
  head: bigint,
  now: Date = new Date(),
): Promise<boolean> {
  // A confirmed intent is still watched for reorgs; failed and dropped ones are final.
  if (intent.status === "failed" || intent.status === "dropped") return false;
  const changes: [IntentTransaction, TxChange | typeof REMOVE][] = [];
  for (const tx of intent.transactions) {
    const change = isOpen(tx, head) ? await observe(deps, intent, tx, now) : undefined;
    if (change) changes.push([tx, change]);
  }
  const stepCount = planOf(intent).steps.length;
  return deps.prisma.$transaction(async (db) => {
    let changed = false;
    let lostRace = false;
    const transactions = new Map(intent.transactions.map((tx) => [tx.stepIndex, tx]));
    for (const [tx, change] of changes) {
      const asRead = {
        intentId: tx.intentId,
        stepIndex: tx.stepIndex,
        txHash: tx.txHash,
        status: tx.status,
        blockHash: tx.blockHash,
      };
      const written =
        change === REMOVE
          ? await db.intentTransaction.deleteMany({ where: asRead })
          : await db.intentTransaction.updateMany({ where: asRead, data: change });
      if (written.count === 0) {
        lostRace = true;
        continue;
      }
      changed = true;
      if (change === REMOVE) transactions.delete(tx.stepIndex);
      else transactions.set(tx.stepIndex, { ...tx, ...change });
    }
    // Someone else wrote a transaction first: derive from what the database holds now.
    const current = lostRace
      ? await db.signingIntent.findUnique({ where: { id: intent.id }, include: withTransactions })
      : { ...intent, transactions: [...transactions.values()] };
    // Failed or dropped is final (another writer may have settled it meanwhile): never revive it.
    if (!current || current.status === "failed" || current.status === "dropped") return changed;
    const derived = deriveIntentStatus(stepCount, current.transactions);
    if (derived.status === current.status && derived.failureReason === current.failureReason) return changed;
    const settled = settledStatuses.includes(derived.status);
    const written = await db.signingIntent.updateMany({
      where: { id: intent.id, status: current.status },
      data: { ...derived, settledAt: settled ? now : null },
    });
    return changed || written.count > 0;
  });
}
