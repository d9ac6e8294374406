import { commandMenu, type Locale, type MenuCommand } from "@luma-pulse/chat";
import type { Api } from "grammy";
import type { BotCommandScope } from "grammy/types";

/** One setMyCommands call: a menu for a kind of chat in one language (none: everyone else's). */
export type CommandMenuSetting = { scope: BotCommandScope; languageCode?: "zh"; commands: MenuCommand[] };

// English is the default for every language but Chinese.
const LANGUAGES: readonly { locale: Locale; languageCode?: "zh" }[] = [
  { locale: "en" },
  { locale: "zh", languageCode: "zh" },
];

/**
 * The menus from the chat core's command list, per language and scope: private chats list every
 * command (wallet and actions included); groups only those that work there; group admins also
 * /alerts.
 */
export function commandMenuSettings(): CommandMenuSetting[] {
  return LANGUAGES.flatMap(({ locale, languageCode }) => [
    {
      scope: { type: "all_private_chats" },
      languageCode,
      commands: commandMenu(locale, { chat: "private", admin: true }),
    },
    {
      scope: { type: "all_group_chats" },
      languageCode,
      commands: commandMenu(locale, { chat: "group", admin: false }),
    },
    {
      scope: { type: "all_chat_administrators" },
      languageCode,
      commands: commandMenu(locale, { chat: "group", admin: true }),
    },
  ]);
}

/** Registers every menu of {@link commandMenuSettings} with Telegram (at start: they replace the old ones). */
export async function setCommandMenus(api: Api): Promise<void> {
  for (const { scope, languageCode, commands } of commandMenuSettings()) {
    await api.setMyCommands(commands, { scope, ...(languageCode ? { language_code: languageCode } : {}) });
  }
}
