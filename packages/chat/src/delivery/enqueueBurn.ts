import type { PrismaClient } from "@luma-pulse/db";
import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { parseAlertSettings } from "../alerts/AlertSettings.ts";
import { crossedMilestones } from "../alerts/crossedMilestones.ts";
import { isQuiet, quietUntil } from "../alerts/quietHours.ts";
import { routeBurn } from "../alerts/routeBurn.ts";
import type { BurnEvent } from "../gateway/operations/soraBurnedEvent.ts";
import type { DeliveryPlatform } from "./AlertSender.ts";
import { insertDeliveries, type NewDelivery } from "./insertDeliveries.ts";
import { outboxPayload } from "./outboxPayload.ts";

/** 10,000 chats' rows are one statement, but can take more than the default 5 s on a busy embedded database. */
const TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Routes one burn for every subscribed chat of `platform` and writes the outbox rows, the rows of
 * the milestones it crossed, and the stream cursor in ONE transaction: after a crash either all of
 * it happened or the burn comes again, and the unique (platform, chat, event) key makes a burn that
 * comes again (a resume, a reorg replay) a no-op. Returns how many rows were new.
 */
export async function enqueueBurn(
  prisma: PrismaClient,
  input: { platform: DeliveryPlatform; consumer: string; burn: BurnEvent; now: Date },
): Promise<number> {
  const { platform, consumer, burn, now } = input;
  const milestones = crossedMilestones(burn.totalBurned - burn.amount, burn.totalBurned, SORA_MAX_SUPPLY);
  return prisma.$transaction(
    async (tx) => {
      const chats = await tx.alertSubscription.findMany({
        where: { platform, removedAt: null },
        select: { chatId: true, settings: true },
      });
      // Payload 0 is the burn's; milestone rows point at theirs.
      const payloads = [outboxPayload(burn), ...milestones.map((percent) => outboxPayload(burn, percent))];
      const rows: NewDelivery[] = [];
      const milestoneRows: NewDelivery[] = [];
      for (const chat of chats) {
        const settings = parseAlertSettings(chat.settings);
        const route = routeBurn(settings, burn, now);
        const row = { chatId: chat.chatId, eventId: burn.id, kind: "burn" as const, payload: 0 };
        if (route.action === "send") rows.push({ ...row, digestKey: null, sendAfter: now });
        else if (route.action === "digest")
          rows.push({
            ...row,
            digestKey: `digest:${route.windowStart.toISOString()}`,
            sendAfter: route.sendAt,
          });
        else if (route.action === "hold")
          rows.push({ ...row, digestKey: `held:${route.until.toISOString()}`, sendAfter: route.until });
        // A milestone is news for every chat with alerts on, whatever the burn's size; never in quiet hours.
        if (!settings.enabled) continue;
        const sendAfter = isQuiet(settings.quietHours, now) ? quietUntil(settings.quietHours, now) : now;
        milestones.forEach((percent, i) => {
          milestoneRows.push({
            chatId: chat.chatId,
            eventId: `milestone:${percent}`,
            kind: "milestone",
            payload: i + 1,
            digestKey: null,
            sendAfter,
          });
        });
      }
      // Milestones after the burns: a chat reads the burn, then the milestone it made.
      const count = await insertDeliveries(tx, platform, [...rows, ...milestoneRows], payloads);
      await tx.streamCursor.upsert({
        where: { consumer },
        create: { consumer, lastEventId: burn.id },
        update: { lastEventId: burn.id },
      });
      return count;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
}
