import { Prisma, type PrismaClient } from "@luma-pulse/db";
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

/**
 * The chat lives on under a new id (Telegram: a group upgraded to a supergroup): in one transaction
 * its subscription moves to `toChatId`, and its unsent rows (pending, or being sent: the send to the
 * old id failed) become pending rows of `toChatId`, sent there in their turn. Where `toChatId` is
 * already subscribed, its own settings stay and the old subscription is removed; a row whose event
 * is already queued for `toChatId` is dropped rather than sent twice. Calling it again is a no-op.
 */
export async function moveChat(
  prisma: PrismaClient,
  platform: DeliveryPlatform,
  fromChatId: string,
  toChatId: string,
): Promise<void> {
  if (fromChatId === toChatId) return;
  const moved = `moved to ${toChatId}`.slice(0, 128);
  const chat = (alias: string, chatId: string) =>
    Prisma.sql`${Prisma.raw(alias)}.platform = ${platform}::"ChatPlatform" AND ${Prisma.raw(alias)}."chatId" = ${chatId}`;
  await prisma.$transaction(async (tx) => {
    const subscriptionMoved = await tx.$executeRaw`UPDATE "AlertSubscription" s
      SET "chatId" = ${toChatId}, "updatedAt" = now()
      WHERE ${chat("s", fromChatId)} AND NOT EXISTS (SELECT 1 FROM "AlertSubscription" t WHERE ${chat("t", toChatId)})`;
    if (subscriptionMoved === 0) {
      await tx.alertSubscription.updateMany({
        where: { platform, chatId: fromChatId, removedAt: null },
        data: { removedAt: new Date(), removedReason: moved },
      });
    }
    await tx.$executeRaw`UPDATE "AlertDelivery" d
      SET "chatId" = ${toChatId}, status = 'pending', "leaseUntil" = NULL, "claimedBy" = NULL
      WHERE ${chat("d", fromChatId)} AND d.status IN ('pending', 'sending')
        AND NOT EXISTS (SELECT 1 FROM "AlertDelivery" t WHERE ${chat("t", toChatId)} AND t."eventId" = d."eventId")`;
    await tx.alertDelivery.updateMany({
      where: { platform, chatId: fromChatId, status: { in: ["pending", "sending"] } },
      data: {
        status: "dropped",
        lastError: `${moved}: already queued there`.slice(0, 256),
        leaseUntil: null,
      },
    });
  });
}
