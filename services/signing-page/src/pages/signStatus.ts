import type { IntentStep, SigningIntent } from "../api/types.ts";
import { formatDateTime } from "../format/formatTime.ts";
import { type Locale, messageKey, type Text } from "../i18n/translate.ts";

/** What the status line says and how it looks; `status` is its `data-status` for tests. */
export type StatusLine = { status: string; tone: "info" | "success" | "error"; text: Text };

/** Step statuses after which nothing more is sent. */
export const failedStepStatuses = new Set(["REVERTED", "MISMATCHED", "DROPPED"]);

/** Intent statuses after which nothing changes any more. */
export const isSettled = (intent: Pick<SigningIntent, "status">) =>
  ["CONFIRMED", "FAILED", "DROPPED", "EXPIRED"].includes(intent.status);

/** Steps in the order they are signed. */
export const orderedSteps = (intent: { readonly steps: readonly IntentStep[] }): IntentStep[] =>
  [...intent.steps].sort((a, b) => a.index - b.index);

/** The first step that is not mined yet; undefined when all are. */
export const nextStep = (intent: Pick<SigningIntent, "steps">) =>
  orderedSteps(intent).find((step) => step.status !== "MINED");

/** Past its expiry: no new transaction may be sent for it, whatever the last status said. */
export const isPastExpiry = (intent: Pick<SigningIntent, "expiresAt">, nowMs: number) =>
  nowMs >= new Date(intent.expiresAt).getTime();

/**
 * Whether the page may ask the wallet to send anything: the intent is pending or submitted, not
 * past its expiry, passed every check, and no step failed.
 */
export function canSign(intent: SigningIntent, problems: readonly Text[], nowMs: number): boolean {
  if (problems.length > 0 || isPastExpiry(intent, nowMs)) return false;
  if (intent.status !== "PENDING" && intent.status !== "SUBMITTED") return false;
  const next = nextStep(intent);
  return (
    next !== undefined && !next.txHash && !intent.steps.some((s) => failedStepStatuses.has(s.status ?? ""))
  );
}

/** The status line for an intent as last loaded. */
export function statusLine(
  intent: SigningIntent,
  problems: readonly Text[],
  nowMs: number,
  locale: Locale,
): StatusLine {
  if (problems.length > 0) return { status: "REFUSED", tone: "error", text: { key: "status.REFUSED" } };
  const expired = intent.status === "EXPIRED" || (intent.status === "PENDING" && isPastExpiry(intent, nowMs));
  if (expired) {
    const time = formatDateTime(intent.expiresAt, locale);
    return { status: "EXPIRED", tone: "error", text: { key: "status.EXPIRED", params: { time } } };
  }
  switch (intent.status) {
    case "CONFIRMED":
      return { status: "CONFIRMED", tone: "success", text: { key: "status.CONFIRMED" } };
    case "FAILED": {
      const code = intent.failureReason ?? "";
      const known = messageKey(`reason.${code}`);
      const reason: Text = known ? { key: known } : { key: "reason.unknown", params: { code } };
      return { status: "FAILED", tone: "error", text: { key: "status.FAILED", params: { reason } } };
    }
    case "DROPPED":
      return { status: "DROPPED", tone: "error", text: { key: "status.DROPPED" } };
    case "SUBMITTED":
      return { status: "SUBMITTED", tone: "info", text: { key: "status.SUBMITTED" } };
    default:
      return { status: "PENDING", tone: "info", text: { key: "status.PENDING" } };
  }
}
