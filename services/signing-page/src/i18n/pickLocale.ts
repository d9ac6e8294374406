import type { Locale } from "./translate.ts";

/** Where the member's language choice is remembered. */
export const LOCALE_STORAGE_KEY = "luma-pulse.locale";

/**
 * The page's language: the member's earlier choice when there is one, else the first of the
 * browser's languages that is Chinese or English (any region: zh-TW, en-GB…), else English.
 */
export function pickLocale(stored: string | null | undefined, languages: readonly string[]): Locale {
  if (stored === "en" || stored === "zh") return stored;
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0];
    if (primary === "zh" || primary === "en") return primary;
  }
  return "en";
}
