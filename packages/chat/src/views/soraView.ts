import type { SoraStats } from "../gateway/operations/getSoraStats.ts";
import { formatDate } from "../i18n/format/formatDates.ts";
import { formatMultiple, formatPercent, formatPrice, formatUsd } from "../i18n/format/formatNumbers.ts";
import { formatTokenAmount } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatChart, ChatView } from "./ChatView.ts";
import { freshness } from "./freshness.ts";

/** Milestones listed under /sora: the latest few (the chart shows them all). */
const MILESTONES_SHOWN = 5;

/** /sora: burned (and % of the fixed supply), circulating, burn rates, price and its multiple, milestones. */
export function soraView(locale: Locale, sora: SoraStats, chart?: ChatChart): ChatView {
  const t = textsFor(locale).sora;
  const amount = (value: SoraStats["burned"]) => formatTokenAmount(value, locale, "compact");
  const { price } = sora;
  const milestones = sora.milestones.slice(-MILESTONES_SHOWN).reverse();
  return {
    tone: "info",
    title: t.title,
    sections: [
      {
        lines: [
          {
            label: t.burned,
            value: t.ofSupply({ amount: amount(sora.burned), percent: formatPercent(sora.burnedPercent) }),
          },
          { label: t.circulating, value: amount(sora.circulating) },
          { label: t.supply, value: amount(sora.maxSupply) },
          { label: t.burned24h, value: amount(sora.burned24h) },
          { label: t.burned7d, value: amount(sora.burned7d) },
        ],
      },
      {
        lines: [
          { label: t.price, value: formatUsd(price.usd) },
          { label: t.priceLuma, value: formatPrice(price.luma, "LUMA") },
          ...(price.multipleSinceLaunch && price.launchUsd
            ? [
                {
                  label: t.sinceLaunch,
                  value: t.sinceLaunchValue({
                    multiple: formatMultiple(price.multipleSinceLaunch, locale),
                    launch: formatUsd(price.launchUsd),
                  }),
                },
              ]
            : []),
        ],
      },
      ...(milestones.length > 0
        ? [
            {
              heading: t.milestones,
              lines: milestones.map((milestone) => ({
                label: t.milestone({ percent: milestone.percent }),
                value: formatDate(milestone.reachedAt, locale),
              })),
            },
          ]
        : []),
    ],
    chart,
    buttons: [],
    ...freshness(locale, sora.block),
  };
}
