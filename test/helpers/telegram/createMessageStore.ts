import { isDeepStrictEqual } from "node:util";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { ChatDirectory } from "./createChatDirectory.ts";
import { botUser, type TestBot } from "./testBot.ts";

/** What a bot's message carries besides its id, date, chat and sender. */
export type MessageContent = Pick<Message, "text" | "entities" | "photo" | "caption" | "caption_entities"> & {
  reply_markup?: InlineKeyboardMarkup;
};

/** The messages the bot has sent, per chat, with Telegram's increasing message ids. */
export type MessageStore = {
  add(chatId: number, content: MessageContent): Message;
  find(chatId: number, messageId: number): Message | undefined;
  /** Replaces a message's content, stamping `edit_date`; `undefined` (and no edit) when nothing changes. */
  edit(message: Message, content: MessageContent): Message | undefined;
  delete(chatId: number, messageId: number): boolean;
};

/** An empty store; message ids start at 1 in every chat. */
export function createMessageStore(bot: TestBot, directory: ChatDirectory): MessageStore {
  const chats = new Map<number, { lastId: number; messages: Map<number, Message> }>();
  const chatState = (chatId: number) => {
    const state = chats.get(chatId) ?? { lastId: 0, messages: new Map<number, Message>() };
    chats.set(chatId, state);
    return state;
  };
  const now = () => Math.floor(Date.now() / 1000);
  return {
    add(chatId, content) {
      const state = chatState(chatId);
      state.lastId += 1;
      const message: Message = {
        message_id: state.lastId,
        from: botUser(bot),
        chat: directory.chat(chatId),
        date: now(),
        ...withoutEmpty(content),
      };
      state.messages.set(message.message_id, message);
      return message;
    },
    find: (chatId, messageId) => chats.get(chatId)?.messages.get(messageId),
    edit(message, content) {
      const { message_id, from, chat, date, edit_date: _, ...current } = message;
      if (isDeepStrictEqual(current, withoutEmpty(content))) return undefined;
      const edited: Message = { message_id, from, chat, date, edit_date: now(), ...withoutEmpty(content) };
      chatState(chat.id).messages.set(message_id, edited);
      return edited;
    },
    delete: (chatId, messageId) => chats.get(chatId)?.messages.delete(messageId) ?? false,
  };
}

// Telegram leaves out fields that have nothing in them (no `entities: []`, no `caption: undefined`).
function withoutEmpty(content: MessageContent): MessageContent {
  return Object.fromEntries(
    Object.entries(content).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}
