import type { Locale } from "./domainErrorMessages.ts";

/**
 * The language to answer in, from an `Accept-Language` header: `zh` when Chinese (any region or
 * script: zh, zh-CN, zh-TW, zh-Hant…) is preferred over English, `en` otherwise (also when absent).
 * Follows the header's `q` weights; on a tie the earlier entry wins, as RFC 9110 suggests.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: "en", q: 0 };
  for (const part of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...options] = part.trim().toLowerCase().split(";");
    const language = tag.trim().split("-")[0];
    const locale = language === "zh" ? "zh" : language === "en" ? "en" : undefined;
    if (!locale) continue;
    const weight = options.map((option) => option.trim()).find((option) => option.startsWith("q="));
    // A preference weight between 0 and 1 (RFC 9110 §12.4.2), never an amount: a float is right here.
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    if (Number.isFinite(q) && q > best.q) best = { locale, q };
  }
  return best.locale;
}
