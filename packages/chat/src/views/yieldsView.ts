import type { Yields } from "../gateway/operations/getYields.ts";
import type { YieldFigure } from "../gateway/scalars.ts";
import { formatDecimal } from "../i18n/format/decimal.ts";
import { formatDateTime } from "../i18n/format/formatDates.ts";
import { formatPercent } from "../i18n/format/formatNumbers.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatChart, ChatView } from "./ChatView.ts";
import { freshness } from "./freshness.ts";

/** Days of holding the net APY line assumes (the gateway's default). */
export const NET_APY_HOLDING_DAYS = 30;

/** /yields: rebase APR/APY (nominal, realised, net of the claim fee, real after inflation), option staking terms. */
export function yieldsView(locale: Locale, yields: Yields, chart?: ChatChart): ChatView {
  const t = textsFor(locale).yields;
  const percent = (figure: YieldFigure | null) =>
    figure ? formatPercent(figure.percent) : textsFor(locale).common.notYet;
  const { rebase, option } = yields;
  // The fee is highest on a reward with the whole release period ahead of it.
  const maxFee = option.earlyFeeCurve.reduce(
    (highest, point) => (point.daysRemaining > highest.daysRemaining ? point : highest),
    { daysRemaining: -1, feePercent: "0" },
  ).feePercent;
  return {
    tone: "info",
    title: t.title,
    sections: [
      {
        heading: t.rebase,
        lines: [
          { label: t.apr, value: percent(rebase.apr) },
          { label: t.apy, value: percent(rebase.apy) },
          { label: t.realised7d, value: percent(rebase.realised7d) },
          { label: t.realised30d, value: percent(rebase.realised30d) },
          {
            label: t.netApy({
              days: NET_APY_HOLDING_DAYS,
              fee: formatPercent(bpsToPercent(rebase.claimFeeBps)),
            }),
            value: percent(rebase.netApy),
          },
          { label: t.inflation, value: percent(rebase.lumaInflation) },
          { label: t.realApy, value: percent(rebase.realApy) },
          { label: t.nextRebase, value: formatDateTime(rebase.nextRebaseAt, locale) },
        ],
      },
      {
        heading: t.option,
        lines: [
          { label: t.dailyRate, value: t.perDay({ percent: formatPercent(option.dailyRatePercent) }) },
          {
            label: t.cap,
            value: t.capValue({
              multiple: formatDecimal(option.capMultiple, { maxFractionDigits: 2 }),
              days: option.daysToCap,
            }),
          },
          { label: t.release, value: t.releaseValue({ days: option.releasePeriodDays }) },
          { label: t.earlyFee, value: t.earlyFeeValue({ max: formatPercent(maxFee) }) },
          { label: t.aprLinear, value: percent(option.aprIfReleasedLinearly) },
          { label: t.aprImmediate, value: percent(option.aprIfReleasedImmediately) },
        ],
      },
    ],
    chart,
    buttons: [],
    ...freshness(locale, yields.block),
  };
}

/** 200 bps → "2.00". */
function bpsToPercent(bps: bigint): string {
  return formatDecimal({ value: bps, scale: 2 }, { maxFractionDigits: 2, trimZeros: false });
}
