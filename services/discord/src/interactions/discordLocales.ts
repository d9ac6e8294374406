import type { Localized } from "@luma-pulse/chat";
import { Locale as DiscordLocale } from "discord.js";

/** Discord's localization map for a bilingual text: Simplified Chinese and US English. */
export function localizationsOf(text: Localized) {
  return { [DiscordLocale.ChineseCN]: text.zh, [DiscordLocale.EnglishUS]: text.en };
}
