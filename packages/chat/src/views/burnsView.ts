import type { LatestBurns } from "../gateway/operations/getLatestBurns.ts";
import { formatDateTime } from "../i18n/format/formatDates.ts";
import { formatPercent } from "../i18n/format/formatNumbers.ts";
import { formatTokenAmount } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";
import { type ExplorerLinks, txUrl } from "./explorerLinks.ts";
import { freshness } from "./freshness.ts";

/** Explorer buttons at most: one per burn would bury the message. */
const MAX_TX_BUTTONS = 3;

/** /burns: the latest burns (time, amount, reason), the total burned and its share of supply. */
export function burnsView(locale: Locale, latest: LatestBurns, explorer?: ExplorerLinks): ChatView {
  const t = textsFor(locale).burns;
  const sora = textsFor(locale).sora;
  const burnLines = latest.burns.map((burn) => ({
    label: formatDateTime(burn.time, locale),
    value: `${formatTokenAmount(burn.amount, locale)} · ${t.reason[burn.reason]}`,
  }));
  const buttons = latest.burns.slice(0, MAX_TX_BUTTONS).flatMap((burn) => {
    const url = txUrl(explorer, burn.txHash);
    return url
      ? [{ label: `${formatTokenAmount(burn.amount, locale, "compact")} · ${t.reason[burn.reason]}`, url }]
      : [];
  });
  return {
    tone: "info",
    title: t.title,
    text: latest.burns.length === 0 ? [t.none] : undefined,
    sections: [
      ...(burnLines.length > 0
        ? [{ lines: burnLines, note: t.shown({ shown: latest.burns.length, total: latest.totalCount }) }]
        : []),
      {
        lines: [
          {
            label: t.total,
            value: sora.ofSupply({
              amount: formatTokenAmount(latest.burned, locale, "compact"),
              percent: formatPercent(latest.burnedPercent),
            }),
          },
        ],
      },
    ],
    buttons,
    ...freshness(locale, latest.block),
  };
}
