import type { Prices } from "../gateway/operations/getPrices.ts";
import { multiplyDecimals, parseDecimal } from "../i18n/format/decimal.ts";
import { formatMultiple, formatPrice, formatUsd } from "../i18n/format/formatNumbers.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatLine, ChatView } from "./ChatView.ts";
import { freshness } from "./freshness.ts";

/** /price: SORA (USD, LUMA, since launch), LUMA (USD) and POP (LUMA, USD), from the pools. */
export function priceView(locale: Locale, prices: Prices): ChatView {
  const t = textsFor(locale).price;
  const lines: ChatLine[] = [
    { label: t.sora, value: formatUsd(prices.sora.usd) },
    { label: t.soraLuma, value: formatPrice(prices.sora.luma, "LUMA") },
  ];
  if (prices.sora.multipleSinceLaunch) {
    lines.push({ label: t.sinceLaunch, value: formatMultiple(prices.sora.multipleSinceLaunch, locale) });
  }
  if (prices.lumaInUsd) lines.push({ label: t.luma, value: formatUsd(prices.lumaInUsd) });
  if (prices.popInLuma) {
    lines.push({ label: t.popLuma, value: formatPrice(prices.popInLuma, "LUMA") });
    if (prices.lumaInUsd) {
      // Exact product of two decimal strings: POP in LUMA × LUMA in USD.
      const popUsd = multiplyDecimals(parseDecimal(prices.popInLuma), parseDecimal(prices.lumaInUsd));
      lines.push({ label: t.pop, value: formatUsd(popUsd) });
    }
  }
  return {
    tone: "info",
    title: t.title,
    text: [t.source],
    sections: [{ lines }],
    buttons: [],
    ...freshness(locale, prices.block),
  };
}
