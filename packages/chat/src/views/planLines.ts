import type { SigningIntent } from "../gateway/operations/signingIntent.ts";
import type { TokenAmount } from "../gateway/scalars.ts";
import { formatDate } from "../i18n/format/formatDates.ts";
import { formatTokenAmount } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatLine } from "./ChatView.ts";

/**
 * What a plan does, as the simulation says: the wallet, what it gives and gets, the fee and where it
 * goes (buyback + burn), SORA quota, the slippage bound, the position and its release.
 */
export function planLines(locale: Locale, intent: SigningIntent): ChatLine[] {
  const t = textsFor(locale).plan;
  const amount = (value: TokenAmount) => formatTokenAmount(value, locale);
  const { outcome } = intent;
  const lines: ChatLine[] = [{ label: t.account, value: intent.account, mono: true }];
  for (const spend of outcome.spend) lines.push({ label: t.spend, value: amount(spend) });
  for (const receive of outcome.receive) lines.push({ label: t.receive, value: amount(receive) });
  if (outcome.fee) {
    lines.push(
      { label: t.fee, value: amount(outcome.fee.amount) },
      {
        label: t.feeSplit,
        value: t.feeSplitValue({
          buyback: amount(outcome.fee.toBuyback),
          burned: amount(outcome.fee.burned),
        }),
      },
    );
  }
  if (outcome.quotaGranted) lines.push({ label: t.quotaGranted, value: amount(outcome.quotaGranted) });
  if (outcome.quotaUsed) lines.push({ label: t.quotaUsed, value: amount(outcome.quotaUsed) });
  if (outcome.bound) lines.push({ label: t.bound[outcome.bound.kind], value: amount(outcome.bound.amount) });
  const positionId = outcome.positionId ?? intent.positionId;
  if (positionId !== null) lines.push({ label: t.position, value: `#${positionId}` });
  if (outcome.releasesUntil)
    lines.push({ label: t.releasesUntil, value: formatDate(outcome.releasesUntil, locale) });
  return lines;
}
