import type { Locale } from "../Locale.ts";
import { formatDecimal, parseDecimal, type ScaledDecimal } from "./decimal.ts";

/** "76.7" / "76.70" → "76.70%": the gateway's percent strings, always two fraction digits. */
export function formatPercent(percent: string): string {
  return `${formatDecimal(percent, { maxFractionDigits: 2, trimZeros: false })}%`;
}

/** A USD price: cents from a dollar up ("$1,234.50"), up to four significant digits below ("$0.00025", "$0.03"). */
export function formatUsd(usd: string | ScaledDecimal): string {
  const decimal = typeof usd === "string" ? parseDecimal(usd) : usd;
  const magnitude = decimal.value < 0n ? -decimal.value : decimal.value;
  if (magnitude >= 10n ** BigInt(decimal.scale)) {
    return `$${formatDecimal(decimal, { maxFractionDigits: 2, trimZeros: false })}`;
  }
  const text = formatDecimal(decimal, { maxFractionDigits: 2, significant: 4 });
  const fraction = text.split(".")[1] ?? "";
  return `$${fraction.length >= 2 ? text : `${text}${fraction === "" ? "." : ""}${"0".repeat(2 - fraction.length)}`}`;
}

/** A price in another token ("0.1234 LUMA"): four significant digits below 1, four decimals above. */
export function formatPrice(price: string, symbol: string): string {
  return `${formatDecimal(price, { maxFractionDigits: 4, significant: 4 })} ${symbol}`;
}

/** "120.00" → "120×" ("120倍" in Chinese). */
export function formatMultiple(multiple: string, locale: Locale): string {
  const number = formatDecimal(multiple, { maxFractionDigits: 2 });
  return locale === "zh" ? `${number} 倍` : `${number}×`;
}

/** Whole numbers the way amounts are written: "12,345". */
export function formatInteger(value: bigint | number): string {
  return BigInt(value)
    .toString()
    .replace(/\B(?=(\d{3})+$)/g, ",");
}
