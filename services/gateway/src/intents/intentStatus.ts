import type { IntentStatus } from "@luma-pulse/db";
import type { IntentRecord } from "./IntentRecord.ts";
import { planOf } from "./intentView.ts";

/** What the API reports: the stored status, plus `expired` for an intent not signed through in time. */
export type ShownIntentStatus = IntentStatus | "expired";

/** Final states: nothing changes an intent any more. */
export const settledStatuses: readonly IntentStatus[] = ["confirmed", "failed", "dropped"];

/** Whether some step of the plan has no transaction reported for it (yet). */
const hasUnreportedStep = (intent: IntentRecord) =>
  planOf(intent).steps.some((_step, index) => !intent.transactions.some((tx) => tx.stepIndex === index));

/**
 * Whether the intent becomes expired at `expiresAt`: it is not settled and a step still waits for its
 * transaction. (The page sends no new step after `expiresAt`, and reports are refused from then on.)
 */
export const canExpire = (intent: IntentRecord) =>
  (intent.status === "pending" || intent.status === "submitted") && hasUnreportedStep(intent);

/**
 * Expiry is derived, never stored: past `expiresAt`, an intent with a step never reported is expired,
 * whether nothing was reported (pending) or the member stopped half-way (submitted, e.g. approved but
 * never staked), so whoever waits for it gets a final answer. The steps already reported are still
 * followed on chain for information, but the intent stays expired; only an intent settled before
 * `expiresAt` keeps its outcome. Once every step is reported, the chain decides: the clock no longer
 * matters.
 */
export function shownIntentStatus(intent: IntentRecord, now: Date = new Date()): ShownIntentStatus {
  const expiresAt = intent.expiresAt.getTime();
  if (now.getTime() < expiresAt || !hasUnreportedStep(intent)) return intent.status;
  const settledInTime = intent.settledAt !== null && intent.settledAt.getTime() < expiresAt;
  return settledStatuses.includes(intent.status) && settledInTime ? intent.status : "expired";
}
