import type { OptionPosition } from "../gateway/operations/getAccount.ts";
import type { SigningIntent } from "../gateway/operations/signingIntent.ts";
import { formatDate, formatDateTime } from "../i18n/format/formatDates.ts";
import { formatTokenAmount } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatLine, ChatView } from "./ChatView.ts";
import type { ExplorerLinks } from "./explorerLinks.ts";
import { intentView } from "./intentView.ts";

/**
 * /release: before the plan and its signing link, what releasing early costs now (the fee, burned)
 * and when waiting would have paid more (the break-even date), so nobody pays the fee unawares.
 */
export function releaseView(
  locale: Locale,
  position: OptionPosition,
  intent: SigningIntent,
  options: { now: Date; explorer?: ExplorerLinks },
): ChatView {
  const t = textsFor(locale).release;
  const amount = (value: OptionPosition["locked"]) => formatTokenAmount(value, locale);
  const lines: ChatLine[] = [
    { label: t.locked, value: amount(position.locked) },
    { label: t.feeNow, value: amount(position.earlyReleaseFeeNow) },
    { label: t.payoutNow, value: amount(position.earlyReleasePayoutNow) },
  ];
  if (position.breakEvenOfWaiting) {
    lines.push({ label: t.breakEven, value: formatDateTime(position.breakEvenOfWaiting, locale) });
  }
  if (position.fullyReleasedAt)
    lines.push({ label: t.freeFrom, value: formatDate(position.fullyReleasedAt, locale) });
  const plan = intentView(locale, intent, options);
  const advice = position.breakEvenOfWaiting
    ? [t.advice({ date: formatDate(position.breakEvenOfWaiting, locale) })]
    : [];
  return {
    ...plan,
    text: [...advice, ...(plan.text ?? [])],
    sections: [{ heading: t.heading, lines }, ...plan.sections],
  };
}
