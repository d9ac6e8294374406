import { Prisma, type PrismaClient } from "@luma-pulse/db";
import type { Hash, PublicClient } from "viem";
import { domainError } from "../errors/domainError.ts";
import { findIntent, type IntentRecord, requireIntent } from "./IntentRecord.ts";
import { settledStatuses, shownIntentStatus } from "./intentStatus.ts";
import { planOf } from "./intentView.ts";
import { verifyReportedTransaction } from "./verifyReportedTransaction.ts";

const TX_HASH = /^0x[0-9a-fA-F]{64}$/;

export type ReportDeps = {
  prisma: PrismaClient;
  /** The chain, to check the reported transaction against its step before storing it. */
  client: Pick<PublicClient, "getTransaction">;
  /** How long to wait for a just-sent transaction to reach the node (default 5 s). */
  txLookupMs?: number;
  /** Looks at the chain for the intent's pending transactions now (the confirmation watcher's check). */
  checkIntent(id: string): Promise<void>;
  /** Tells every replica's subscribers that the intent changed. */
  publish(id: string): void;
};

/**
 * Records the transaction the signing page sent for one step of an intent; the confirmation watcher
 * then follows it. Single use: a step takes one transaction (reporting the same hash again is a
 * harmless retry), a transaction serves one step of one intent, and steps go in order: step k once
 * step k-1 is mined. Only the account's own transaction of exactly the step, sent after the plan was
 * built, is taken (see verifyReportedTransaction); anything else is refused and changes nothing.
 * The first report moves the intent from pending to submitted; reports are taken until `expiresAt`.
 */
export async function reportIntentTransaction(
  deps: ReportDeps,
  args: { id: string; step: number; txHash: string; now?: Date },
): Promise<IntentRecord> {
  const { prisma } = deps;
  const now = args.now ?? new Date();
  if (!TX_HASH.test(args.txHash)) throw domainError("INVALID_TX_HASH", { value: args.txHash });
  const txHash = args.txHash.toLowerCase();
  let intent = await requireIntent(prisma, args.id);
  assertOpen(intent, now);
  const stepCount = planOf(intent).steps.length;
  if (!Number.isInteger(args.step) || args.step < 0 || args.step >= stepCount) {
    throw domainError("STEP_OUT_OF_RANGE", { step: args.step, steps: stepCount });
  }
  const existing = intent.transactions.find((tx) => tx.stepIndex === args.step);
  if (existing?.txHash === txHash) return intent;
  if (existing) throw domainError("STEP_ALREADY_REPORTED", { step: args.step, txHash: existing.txHash });
  if (args.step > 0) intent = await awaitPreviousStep(deps, intent, args.step);

  const used = await prisma.intentTransaction.findUnique({
    where: { chainId_txHash: { chainId: intent.chainId, txHash } },
  });
  if (used) throw domainError("TX_ALREADY_REPORTED", { txHash });
  await verifyReportedTransaction(deps, intent, args.step, txHash as Hash);
  // The lookup may have waited: the expiry is checked again at the moment of writing.
  const writtenAt = args.now ?? new Date();
  try {
    await prisma.$transaction(async (tx) => {
      // Conditional, so a report racing expiry or a settlement on another replica cannot slip in.
      const open = await tx.signingIntent.updateMany({
        where: { id: intent.id, status: { in: ["pending", "submitted"] }, expiresAt: { gt: writtenAt } },
        data: { status: "submitted" },
      });
      if (open.count === 0) throw new IntentClosedError();
      await tx.intentTransaction.create({
        data: {
          intentId: intent.id,
          stepIndex: args.step,
          chainId: intent.chainId,
          txHash,
          reportedAt: writtenAt,
        },
      });
    });
  } catch (error) {
    throw await explainFailedInsert(prisma, intent.id, args.step, txHash, writtenAt, error);
  }
  deps.publish(intent.id);
  // The page usually reports right after sending: look at once rather than at the next block. The
  // report is recorded either way; if the chain does not answer now, the watcher looks later.
  await deps.checkIntent(intent.id).catch(() => undefined);
  return requireIntent(prisma, intent.id);
}

class IntentClosedError extends Error {}

function assertOpen(intent: IntentRecord, now: Date) {
  const status = shownIntentStatus(intent, now);
  if (status === "expired") {
    throw domainError("INTENT_EXPIRED", { id: intent.id, expiresAt: intent.expiresAt.toISOString() });
  }
  if (settledStatuses.includes(status as (typeof settledStatuses)[number])) {
    throw domainError("INTENT_SETTLED", { id: intent.id, status: status.toUpperCase() });
  }
}

/**
 * Step k needs step k-1 mined. The page waits for k-1's receipt before it sends k, so the chain may
 * already have it while the watcher has not looked yet: look once before refusing.
 */
async function awaitPreviousStep(deps: ReportDeps, intent: IntentRecord, step: number) {
  const minedBefore = (record: IntentRecord) =>
    record.transactions.find((tx) => tx.stepIndex === step - 1)?.status === "mined";
  if (minedBefore(intent)) return intent;
  if (intent.transactions.some((tx) => tx.stepIndex === step - 1)) {
    await deps.checkIntent(intent.id);
    const fresh = await requireIntent(deps.prisma, intent.id);
    assertOpen(fresh, new Date());
    if (minedBefore(fresh)) return fresh;
  }
  throw domainError("PREVIOUS_STEP_NOT_MINED", { step, previous: step - 1 });
}

/** Why the insert failed, as the caller's error: a concurrent report won, or the intent closed. */
async function explainFailedInsert(
  prisma: PrismaClient,
  id: string,
  step: number,
  txHash: string,
  now: Date,
  error: unknown,
): Promise<unknown> {
  const intent = await findIntent(prisma, id);
  if (error instanceof IntentClosedError && intent) {
    assertOpen(intent, now);
    // Not settled, so past expiresAt (with every step reported meanwhile): too late all the same.
    return domainError("INTENT_EXPIRED", { id, expiresAt: intent.expiresAt.toISOString() });
  }
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return error;
  const sameStep = intent?.transactions.find((tx) => tx.stepIndex === step);
  if (sameStep && sameStep.txHash !== txHash) {
    return domainError("STEP_ALREADY_REPORTED", { step, txHash: sameStep.txHash });
  }
  return domainError("TX_ALREADY_REPORTED", { txHash });
}
