import type { BotCommand } from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { type Params, readString } from "./paramReaders.ts";
import { botFromGetMe, type TestBot } from "./testBot.ts";

const SCOPE_TYPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** getMe, the command menus (stored per scope and language) and answerCallbackQuery. */
export function botMethods(bot: TestBot): Record<string, MethodHandler> {
  const menus = new Map<string, BotCommand[]>();
  return {
    getMe: () => botFromGetMe(bot),
    setMyCommands({ params }) {
      menus.set(menuKey(params), readCommands(params.commands));
      return true;
    },
    getMyCommands: ({ params }) => menus.get(menuKey(params)) ?? [],
    deleteMyCommands({ params }) {
      menus.delete(menuKey(params));
      return true;
    },
    answerCallbackQuery({ params }) {
      if (!readString(params, "callback_query_id")) throw badRequest("QUERY_ID_INVALID");
      if ((readString(params, "text") ?? "").length > 200) throw badRequest("MESSAGE_TOO_LONG");
      return true;
    },
  };
}

// Telegram keeps one menu per scope (with its chat/user) and language; "" is every language.
function menuKey(params: Params): string {
  const language = readString(params, "language_code") ?? "";
  if (!/^([a-z]{2})?$/.test(language)) throw badRequest("invalid language code specified");
  const scope = (params.scope ?? { type: "default" }) as {
    type?: string;
    chat_id?: unknown;
    user_id?: unknown;
  };
  if (!SCOPE_TYPES.has(scope.type ?? "")) throw badRequest("unsupported bot command scope type");
  return JSON.stringify([scope.type, String(scope.chat_id ?? ""), String(scope.user_id ?? ""), language]);
}

function readCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value) || value.length > 100)
    throw badRequest("commands must be an array of at most 100");
  return value.map((entry: Partial<BotCommand>) => {
    const command = String(entry.command ?? "");
    const description = String(entry.description ?? "").trim();
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (description.length === 0 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}
