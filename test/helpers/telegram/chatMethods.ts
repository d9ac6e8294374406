import type { ChatFullInfo } from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import type { ChatDirectory } from "./createChatDirectory.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { readChatId, readInt } from "./paramReaders.ts";

/** getChat, getChatMember and getChatAdministrators, answered from the chat directory. */
export function chatMethods(directory: ChatDirectory): Record<string, MethodHandler> {
  return {
    getChat({ params }) {
      const chatId = readChatId(params);
      directory.assertCanRead(chatId);
      return fullInfo(directory, chatId);
    },
    getChatMember({ params }) {
      const chatId = readChatId(params);
      directory.assertCanRead(chatId);
      const userId = readInt(params, "user_id");
      if (userId === undefined) throw badRequest("user_id is empty");
      return directory.member(chatId, userId);
    },
    getChatAdministrators({ params }) {
      const chatId = readChatId(params);
      directory.assertCanRead(chatId);
      if (chatId > 0) throw badRequest("there are no administrators in the private chat");
      return directory.administrators(chatId);
    },
  };
}

function fullInfo(directory: ChatDirectory, chatId: number): ChatFullInfo {
  const chat = directory.chat(chatId);
  const common = {
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  };
  return { ...chat, ...common } as ChatFullInfo;
}
