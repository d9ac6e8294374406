import { percentOf, SORA_MAX_SUPPLY, tokenDecimals } from "@luma-pulse/protocol";
import type { BurnEvent } from "../gateway/operations/soraBurnedEvent.ts";
import { formatDateTime } from "../i18n/format/formatDates.ts";
import { formatPercent } from "../i18n/format/formatNumbers.ts";
import { formatTokenNumber } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatLine, ChatView } from "../views/ChatView.ts";
import { type ExplorerLinks, txUrl } from "../views/explorerLinks.ts";
import { freshness } from "../views/freshness.ts";
import type { BurnDigest } from "./summarizeBurns.ts";

const sora = (raw: bigint, locale: Locale, style: "full" | "compact" = "full") =>
  formatTokenNumber({ raw, decimals: tokenDecimals.SORA }, locale, style);

/** "161.08M SORA (76.70% of supply)": the running total and its share of the fixed supply. */
function totalLine(locale: Locale, totalBurned: bigint, maxSupply: bigint): ChatLine {
  const t = textsFor(locale).alert;
  return {
    label: t.totalBurned,
    value: t.totalValue({
      total: sora(totalBurned, locale, "compact"),
      percent: formatPercent(percentOf(totalBurned, maxSupply)),
    }),
  };
}

/** The transaction: a button when there is an explorer, the hash in a line when not (devnet). */
function transaction(locale: Locale, hash: string, explorer?: ExplorerLinks) {
  const t = textsFor(locale).alert;
  const url = txUrl(explorer, hash);
  return url
    ? { lines: [] as ChatLine[], buttons: [{ label: t.viewTransaction, url }] }
    : { lines: [{ label: t.transaction, value: hash, mono: true }], buttons: [] };
}

/** One burn: amount, reason (sell or buyback), the new total burned and its % of supply, the transaction. */
export function burnAlertView(
  locale: Locale,
  burn: BurnEvent,
  options: { explorer?: ExplorerLinks; maxSupply?: bigint } = {},
): ChatView {
  const t = textsFor(locale).alert;
  const tx = transaction(locale, burn.txHash, options.explorer);
  return {
    tone: "info",
    title: t.burnTitle({ amount: sora(burn.amount, locale) }),
    sections: [
      {
        lines: [
          { label: t.reason, value: t.reasonValue[burn.reason] },
          totalLine(locale, burn.totalBurned, options.maxSupply ?? SORA_MAX_SUPPLY),
          ...tx.lines,
        ],
      },
    ],
    buttons: tx.buttons,
    ...freshness(locale, { number: burn.blockNumber, timestamp: burn.time }),
  };
}

/** A burst as one message: how many burns, the total, sells vs buybacks, the largest, the period. */
export function digestView(
  locale: Locale,
  digest: BurnDigest,
  options: { explorer?: ExplorerLinks; maxSupply?: bigint } = {},
): ChatView {
  const t = textsFor(locale).alert;
  const reasons = textsFor(locale).burns.reason;
  const side = (part: BurnDigest["sells"]) => `${part.count} · ${sora(part.total, locale)} SORA`;
  const lines: ChatLine[] = [
    {
      label: t.digestPeriod,
      value: `${formatDateTime(digest.first, locale)} – ${formatDateTime(digest.last, locale)}`,
    },
  ];
  if (digest.sells.count > 0) lines.push({ label: t.sells, value: side(digest.sells) });
  if (digest.buybacks.count > 0) lines.push({ label: t.buybacks, value: side(digest.buybacks) });
  lines.push(
    {
      label: t.largest,
      value: `${sora(digest.largest.amount, locale)} SORA · ${reasons[digest.largest.reason]}`,
    },
    totalLine(locale, digest.totalBurned, options.maxSupply ?? SORA_MAX_SUPPLY),
  );
  const tx = transaction(locale, digest.largest.txHash, options.explorer);
  return {
    tone: "info",
    title: t.digestTitle({ count: digest.count, total: sora(digest.total, locale) }),
    sections: [{ lines: [...lines, ...tx.lines] }],
    buttons: tx.buttons,
    ...freshness(locale, { number: digest.latest.blockNumber, timestamp: digest.latest.time }),
  };
}

/** A milestone crossed: "77% of all SORA is burned", with the total burned and what is left. */
export function milestoneView(
  locale: Locale,
  percent: number,
  burn: Pick<BurnEvent, "totalBurned" | "blockNumber" | "time">,
  maxSupply: bigint = SORA_MAX_SUPPLY,
): ChatView {
  const t = textsFor(locale).alert;
  return {
    tone: "success",
    title: t.milestoneTitle({ percent }),
    text: [
      t.milestoneIntro({
        burned: sora(burn.totalBurned, locale, "compact"),
        left: sora(maxSupply - burn.totalBurned, locale, "compact"),
      }),
    ],
    sections: [],
    buttons: [],
    ...freshness(locale, { number: burn.blockNumber, timestamp: burn.time }),
  };
}
