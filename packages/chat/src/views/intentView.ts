import type { SigningIntent } from "../gateway/operations/signingIntent.ts";
import { formatDateTime, formatDuration } from "../i18n/format/formatDates.ts";
import { formatInteger } from "../i18n/format/formatNumbers.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatButton, ChatLine, ChatSection, ChatView } from "./ChatView.ts";
import { type ExplorerLinks, txUrl } from "./explorerLinks.ts";
import { planLines } from "./planLines.ts";

/** Statuses in which the member may still sign: the signing buttons stay. */
const OPEN = new Set<SigningIntent["status"]>(["PENDING", "SUBMITTED"]);

/**
 * A signing intent as a chat message, in every state: the plan with its verification code, expiry
 * and signing buttons while it is open; once it is confirmed, failed, dropped or expired, the same
 * message edited to say so (with the transactions, and no buttons to sign any more).
 */
export function intentView(
  locale: Locale,
  intent: SigningIntent,
  options: { now: Date; explorer?: ExplorerLinks },
): ChatView {
  const texts = textsFor(locale);
  const t = texts.plan;
  const open = OPEN.has(intent.status);
  const action = t.action[intent.action];
  const sections: ChatSection[] = [
    { lines: planLines(locale, intent) },
    stepsSection(locale, intent, options.explorer),
  ];
  if (open) {
    sections.push({
      lines: [
        { label: t.code, value: intent.verificationCode, mono: true },
        {
          label: t.expires,
          value: t.expiresValue({
            time: formatDateTime(intent.expiresAt, locale),
            left: formatDuration(intent.expiresAt.getTime() - options.now.getTime(), locale),
          }),
        },
      ],
    });
  }
  return {
    tone: toneOf(intent.status),
    title: intent.status === "PENDING" ? action : `${texts.intent.status[intent.status]} · ${action}`,
    text: [statusSentence(locale, intent)],
    sections,
    buttons: open ? signingButtons(locale, intent) : transactionButtons(locale, intent, options.explorer),
    footer: t.simulatedAt({
      block: formatInteger(intent.outcome.simulatedAtBlock),
      time: formatDateTime(intent.createdAt, locale),
    }),
    asOf: { block: intent.outcome.simulatedAtBlock, time: intent.createdAt },
  };
}

function statusSentence(locale: Locale, intent: SigningIntent): string {
  const t = textsFor(locale).intent;
  switch (intent.status) {
    case "PENDING":
      return textsFor(locale).plan.intro;
    case "SUBMITTED":
    case "CONFIRMED":
    case "EXPIRED":
      return t.statusIntro[intent.status];
    case "FAILED":
    case "DROPPED": {
      const reason = intent.failureReason ?? "other";
      return reason in t.failure ? t.failure[reason as keyof typeof t.failure] : t.failure.other;
    }
  }
}

function toneOf(status: SigningIntent["status"]): ChatView["tone"] {
  if (status === "CONFIRMED") return "success";
  if (status === "FAILED" || status === "DROPPED") return "error";
  if (status === "EXPIRED") return "warning";
  return "info";
}

/** Each step's summary (worded by the gateway in the request's language), with its transaction once there is one. */
function stepsSection(locale: Locale, intent: SigningIntent, explorer?: ExplorerLinks): ChatSection {
  const t = textsFor(locale).intent;
  const lines: ChatLine[] = intent.steps.map((step) => ({
    label: `${step.index + 1}.`,
    value: step.status
      ? t.stepWithStatus({ summary: step.summary, status: t.stepStatus[step.status] })
      : step.summary,
  }));
  for (const step of intent.steps) {
    if (step.txHash && !txUrl(explorer, step.txHash)) {
      lines.push({ label: `${t.transaction} ${step.index + 1}`, value: step.txHash, mono: true });
    }
  }
  return { heading: textsFor(locale).plan.steps, lines };
}

/** The signing page, and the same page inside MetaMask, Trust and OKX mobile; the QR code for desktops. */
function signingButtons(locale: Locale, intent: SigningIntent): ChatButton[] {
  const t = textsFor(locale).plan;
  return [
    { label: t.openPage, url: intent.links.page },
    { label: "MetaMask", url: intent.links.metamask },
    { label: "Trust Wallet", url: intent.links.trust },
    { label: "OKX Wallet", url: intent.links.okx },
    { label: t.qrCode, url: intent.links.qrCode },
  ];
}

function transactionButtons(locale: Locale, intent: SigningIntent, explorer?: ExplorerLinks): ChatButton[] {
  const label = textsFor(locale).alert.viewTransaction;
  return intent.steps.flatMap((step) => {
    const url = step.txHash ? txUrl(explorer, step.txHash) : undefined;
    return url ? [{ label: intent.steps.length > 1 ? `${label} ${step.index + 1}` : label, url }] : [];
  });
}
