import { type Locale, loadUserLocale, localeOf } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { ChatInputCommandInteraction } from "discord.js";

/**
 * The member's language: their stored choice if they made one, else their Discord client's
 * (`interaction.locale`: zh-CN and zh-TW answer in Chinese, every other locale in English).
 */
export async function interactionLocale(
  interaction: ChatInputCommandInteraction,
  prisma: PrismaClient,
): Promise<Locale> {
  const stored = await loadUserLocale(prisma, "discord", interaction.user.id);
  return stored ?? localeOf(interaction.locale);
}
