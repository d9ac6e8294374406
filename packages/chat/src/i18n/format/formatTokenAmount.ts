import { formatAmount, formatCompact } from "@luma-pulse/protocol";
import type { TokenAmount } from "../../gateway/scalars.ts";
import type { Locale } from "../Locale.ts";

/** How much detail an amount gets: `full` digits (rounded) or `compact` units (161.08M / 1.61亿). */
export type AmountStyle = "full" | "compact";

/** Amounts in chat messages: four fraction digits are enough to recognise one's own balance. */
const FULL_FRACTION_DIGITS = 4;

/**
 * An amount with its symbol, exactly from base units: "1,234.5678 LUMA", compact "161.08M SORA" (en)
 * or "1.61亿 SORA" (zh). A non-zero amount that would round to zero says "<0.0001" instead.
 */
export function formatTokenAmount(amount: TokenAmount, locale: Locale, style: AmountStyle = "full"): string {
  return `${formatTokenNumber(amount, locale, style)} ${amount.symbol}`;
}

/** {@link formatTokenAmount} without the symbol. */
export function formatTokenNumber(
  amount: Pick<TokenAmount, "raw" | "decimals">,
  locale: Locale,
  style: AmountStyle = "full",
): string {
  if (style === "compact") return formatCompact(amount.raw, amount.decimals, locale);
  const digits = Math.min(FULL_FRACTION_DIGITS, amount.decimals);
  const text = formatAmount(amount.raw, amount.decimals, { maxFractionDigits: digits });
  if ((text === "0" || text === "-0") && amount.raw !== 0n) {
    const smallest = digits === 0 ? "1" : `0.${"0".repeat(digits - 1)}1`;
    return amount.raw > 0n ? `<${smallest}` : `>-${smallest}`;
  }
  return text;
}
