import { alertSettingsToJson, defaultAlertSettings } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";

/** Private chats' ids are their users' (positive); supergroups' are -100 followed by ten digits. */
const FIRST_USER_ID = 7_000_000_000;
const FIRST_SUPERGROUP_ID = -1_001_000_000_000;

/**
 * Subscribes `count` Telegram chats to every burn (the defaults: on, no minimum, at once), half
 * in Chinese and half in English, a share `groupShare` of them supergroups, the rest private
 * chats, in one statement (as 10,000 `/alerts on` over time would leave them). Returns their ids.
 */
export async function subscribeChats(prisma: PrismaClient, count: number, groupShare = 0): Promise<string[]> {
  const groups = Math.round(count * groupShare);
  const chatIds = Array.from({ length: count }, (_, i) =>
    String(i < groups ? FIRST_SUPERGROUP_ID - i : FIRST_USER_ID + i),
  );
  await prisma.alertSubscription.createMany({
    data: chatIds.map((chatId, i) => ({
      platform: "telegram" as const,
      chatId,
      settings: alertSettingsToJson(defaultAlertSettings),
      locale: i % 2 === 0 ? "zh" : "en",
    })),
  });
  return chatIds;
}
