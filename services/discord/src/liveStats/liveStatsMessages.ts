import { isLocale, type Locale } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";

/** A stats message kept up to date (one per channel), as the `LiveStatsMessage` table holds it. */
export type LiveStatsEntry = {
  guildId: string | null;
  channelId: string;
  messageId: string;
  intervalMinutes: number;
  locale: Locale;
  nextEditAt: Date;
};

const PLATFORM = "discord" as const;

type Row = {
  chatId: string;
  guildId: string | null;
  messageId: string;
  intervalMinutes: number;
  locale: string;
  nextEditAt: Date;
};

const entryOf = (row: Row): LiveStatsEntry => ({
  guildId: row.guildId,
  channelId: row.chatId,
  messageId: row.messageId,
  intervalMinutes: row.intervalMinutes,
  locale: isLocale(row.locale) ? row.locale : "en",
  nextEditAt: row.nextEditAt,
});

const afterInterval = (from: Date, intervalMinutes: number) =>
  new Date(from.getTime() + intervalMinutes * 60_000);

/**
 * The Discord bot's `/stats live` messages in the database: they outlive the process, and every
 * bot process sharing the database refreshes them without editing one twice per interval.
 */
export function liveStatsMessages(prisma: PrismaClient) {
  const table = prisma.liveStatsMessage;
  return {
    /** Keeps `entry`'s message up to date from `now` on, replacing the channel's previous one. */
    async save(entry: Omit<LiveStatsEntry, "nextEditAt">, now = new Date()): Promise<void> {
      const fields = {
        guildId: entry.guildId,
        messageId: entry.messageId,
        intervalMinutes: entry.intervalMinutes,
        locale: entry.locale,
        nextEditAt: afterInterval(now, entry.intervalMinutes),
      };
      await table.upsert({
        where: { platform_chatId: { platform: PLATFORM, chatId: entry.channelId } },
        create: { platform: PLATFORM, chatId: entry.channelId, ...fields },
        update: fields,
      });
    },

    async list(): Promise<LiveStatsEntry[]> {
      const rows = await table.findMany({ where: { platform: PLATFORM }, orderBy: { chatId: "asc" } });
      return rows.map(entryOf);
    },

    /**
     * Claims the messages due at `now`: each row's `nextEditAt` moves one interval on only if it
     * still holds the value read (a conditional update), so of two processes claiming at once one
     * gets the row and the other none. A claimed message is this caller's to edit for the interval.
     */
    async claimDue(now: Date): Promise<LiveStatsEntry[]> {
      const due = await table.findMany({ where: { platform: PLATFORM, nextEditAt: { lte: now } } });
      const claimed: LiveStatsEntry[] = [];
      for (const row of due) {
        const nextEditAt = afterInterval(now, row.intervalMinutes);
        const { count } = await table.updateMany({
          where: { platform: PLATFORM, chatId: row.chatId, nextEditAt: row.nextEditAt },
          data: { nextEditAt },
        });
        if (count === 1) claimed.push(entryOf({ ...row, nextEditAt }));
      }
      return claimed;
    },

    /** Stops keeping a message up to date; a newer message in the channel (a new `/stats live`) stays. */
    async remove(entry: Pick<LiveStatsEntry, "channelId" | "messageId">): Promise<void> {
      await table.deleteMany({
        where: { platform: PLATFORM, chatId: entry.channelId, messageId: entry.messageId },
      });
    },
  };
}
