import type { Locale } from "./Locale.ts";

/**
 * The bots' language for a platform's language tag: Telegram's `language_code` ("zh-hans", "zh-CN",
 * "zh", "en", …) or a Discord locale ("zh-CN", "zh-TW", "en-US", …). Any Chinese script or region is
 * zh; everything else, and no tag at all, is en.
 */
export function localeOf(languageCode: string | null | undefined): Locale {
  const primary = (languageCode ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "zh" ? "zh" : "en";
}
