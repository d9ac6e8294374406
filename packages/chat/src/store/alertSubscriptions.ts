import type { PrismaClient } from "@luma-pulse/db";
import {
  type AlertSettings,
  alertSettingsToJson,
  defaultAlertSettings,
  parseAlertSettings,
} from "../alerts/AlertSettings.ts";
import type { DeliveryPlatform } from "../delivery/AlertSender.ts";
import type { Locale } from "../i18n/Locale.ts";

/**
 * A chat's alert settings. A chat that never subscribed, or that the platform said is gone, gets
 * nothing: it reads as the defaults switched off, so `/alerts` says "off" and `/alerts on` turns on
 * every burn, at once.
 */
export async function loadAlertSettings(
  prisma: PrismaClient,
  platform: DeliveryPlatform,
  chatId: string,
): Promise<AlertSettings> {
  const row = await prisma.alertSubscription.findUnique({
    where: { platform_chatId: { platform, chatId } },
    select: { settings: true, removedAt: true },
  });
  if (!row) return unsubscribed;
  const settings = parseAlertSettings(row.settings);
  return row.removedAt ? { ...settings, enabled: false } : settings;
}

const unsubscribed: AlertSettings = { ...defaultAlertSettings, enabled: false };

/**
 * Subscribes a chat to burn alerts with `settings`, written in `locale`; a chat that was removed
 * (the bot blocked or kicked, then added back) is subscribed again.
 */
export async function saveAlertSettings(
  prisma: PrismaClient,
  input: {
    platform: DeliveryPlatform;
    chatId: string;
    settings: AlertSettings;
    locale: Locale;
    /** Discord: the channel's guild. */
    guildId?: string;
  },
): Promise<void> {
  const { platform, chatId, locale } = input;
  const fields = {
    settings: alertSettingsToJson(input.settings),
    locale,
    guildId: input.guildId ?? null,
    removedAt: null,
    removedReason: null,
  };
  await prisma.alertSubscription.upsert({
    where: { platform_chatId: { platform, chatId } },
    create: { platform, chatId, ...fields },
    update: fields,
  });
}

/**
 * The platform said the chat is gone (blocked, kicked, deleted): no more alerts are queued for it,
 * and the ones waiting (or being sent) are dropped.
 */
export async function removeChat(
  prisma: PrismaClient,
  platform: DeliveryPlatform,
  chatId: string,
  reason: string,
): Promise<void> {
  const why = reason.slice(0, 128);
  await prisma.$transaction([
    prisma.alertSubscription.updateMany({
      where: { platform, chatId, removedAt: null },
      data: { removedAt: new Date(), removedReason: why },
    }),
    prisma.alertDelivery.updateMany({
      where: { platform, chatId, status: { in: ["pending", "sending"] } },
      data: { status: "dropped", lastError: `chat gone: ${why}`.slice(0, 256), leaseUntil: null },
    }),
  ]);
}
