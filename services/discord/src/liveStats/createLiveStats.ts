import type { Locale } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { Log } from "../DiscordBotDeps.ts";
import { discordErrorOutcome } from "../delivery/discordErrorOutcome.ts";
import { channelMessageBody } from "../render/channelMessageBody.ts";
import type { RenderedView } from "../render/renderView.ts";
import { type LiveStatsEntry, liveStatsMessages } from "./liveStatsMessages.ts";

/** Discord's "Unknown Message": a moderator deleted it, which ends it as surely as a deleted channel. */
const UNKNOWN_MESSAGE = 10008;

/** The `/stats live` messages and their refreshing. */
export type LiveStats = {
  /** Keeps `entry`'s message up to date, replacing the channel's previous one. */
  set(entry: Omit<LiveStatsEntry, "nextEditAt">): Promise<void>;
  entries(): Promise<LiveStatsEntry[]>;
  /**
   * Edits every message due at `now` that this call claimed; a deleted message or channel, or lost
   * access, is removed. Resolves with the number of messages edited.
   */
  refreshDue(now?: Date): Promise<number>;
  /** Checks for due messages every `everyMs` until `stop()`. */
  start(everyMs?: number): void;
  stop(): Promise<void>;
};

/**
 * Live stats messages, kept in the `LiveStatsMessage` table: a restarted bot, or any other bot
 * process on the database, goes on editing them, and a claim (see `liveStatsMessages.claimDue`)
 * makes sure one process edits each message once per interval. `render` makes the current stats in
 * a language, or undefined when the gateway could not answer (the message is left as it is until
 * its next turn).
 */
export function createLiveStats(opts: {
  prisma: PrismaClient;
  rest: REST;
  render: (locale: Locale) => Promise<RenderedView | undefined>;
  log: Log;
}): LiveStats {
  const messages = liveStatsMessages(opts.prisma);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function edit(entry: LiveStatsEntry, rendered: RenderedView): Promise<boolean> {
    try {
      await opts.rest.patch(
        Routes.channelMessage(entry.channelId, entry.messageId),
        channelMessageBody(rendered),
      );
      return true;
    } catch (error) {
      const outcome = discordErrorOutcome(error);
      const deleted = error instanceof DiscordAPIError && error.code === UNKNOWN_MESSAGE;
      if (outcome.kind === "gone" || deleted) {
        await messages.remove(entry);
        opts.log("live stats stopped", { channelId: entry.channelId, reason: outcome });
      } else {
        opts.log("live stats edit failed", { channelId: entry.channelId, outcome });
      }
      return false;
    }
  }

  const refreshDue = async (now = new Date()) => {
    const claimed = await messages.claimDue(now);
    // One rendering per language for all the messages of this turn: the same stats, the same chart.
    const views = new Map<Locale, Promise<RenderedView | undefined>>();
    let edited = 0;
    for (const entry of claimed) {
      let view = views.get(entry.locale);
      if (!view) {
        view = opts.render(entry.locale);
        views.set(entry.locale, view);
      }
      const rendered = await view;
      if (rendered && (await edit(entry, rendered))) edited++;
    }
    return edited;
  };

  return {
    set: (entry) => messages.save(entry),
    entries: () => messages.list(),
    refreshDue,
    start(everyMs = 30_000) {
      timer = setInterval(() => {
        running = running
          .then(() => refreshDue())
          .catch((error: unknown) => {
            opts.log("live stats refresh failed", { error: String(error) });
          });
      }, everyMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
