import type { Locale } from "@luma-pulse/chat";
import type { Context } from "grammy";
import type { Log } from "./BotDeps.ts";

/** What the bot's middleware adds to grammY's context before the features run. */
export type BotFlavor = {
  /** The sender's language: their /lang choice, else their Telegram language (zh or en). */
  locale: Locale;
  /**
   * Whether the sender may act for this chat (alerts): always in a private chat; in a group, its
   * creator and administrators, and an admin posting anonymously as the group. Asked only when needed.
   */
  isChatAdmin(): Promise<boolean>;
  /** Logs with this update's `updateId` and `chatId` on the line. */
  log: Log;
};

/** The context every feature sees. */
export type BotContext = Context & BotFlavor;
