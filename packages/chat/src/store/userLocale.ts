import type { PrismaClient } from "@luma-pulse/db";
import type { DeliveryPlatform } from "../delivery/AlertSender.ts";
import { isLocale, type Locale } from "../i18n/Locale.ts";

/** A user's own `/lang` choice; undefined when they made none (use the platform's language then). */
export async function loadUserLocale(
  prisma: PrismaClient,
  platform: DeliveryPlatform,
  userId: string,
): Promise<Locale | undefined> {
  const row = await prisma.chatUserPreference.findUnique({
    where: { platform_userId: { platform, userId } },
    select: { locale: true },
  });
  const locale = row?.locale;
  return isLocale(locale) ? locale : undefined;
}

/** Remembers a user's `/lang` choice. */
export async function saveUserLocale(
  prisma: PrismaClient,
  platform: DeliveryPlatform,
  userId: string,
  locale: Locale,
): Promise<void> {
  await prisma.chatUserPreference.upsert({
    where: { platform_userId: { platform, userId } },
    create: { platform, userId, locale },
    update: { locale },
  });
}
