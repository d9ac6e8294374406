import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { chatMember } from "./chatMember.ts";
import { botUser, TEST_BOT, type TestBot } from "./testBot.ts";

/** Where a message is written: the sender's private chat with the bot, or a group. */
export type ChatSpec = "private" | { groupId: number; title?: string };
/** Who writes; `languageCode: null` leaves `language_code` out, as Telegram sometimes does. */
export type SenderSpec = { id: number; firstName?: string; username?: string; languageCode?: string | null };
/** A bot's membership status in a chat, as my_chat_member reports it. */
export type BotStatus = "member" | "administrator" | "left" | "kicked";

/** The sender Telegram puts on messages of an anonymous group admin (`sender_chat` is the group). */
export const GROUP_ANONYMOUS_BOT: User = {
  id: 1087968824,
  is_bot: true,
  first_name: "Group",
  username: "GroupAnonymousBot",
};

const DEFAULT_SENDER: SenderSpec = {
  id: 5_100_000_001,
  firstName: "Alice",
  username: "alice",
  languageCode: "en",
};
const SUPERGROUP_IDS_BELOW = -1_000_000_000_000;
// Telegram marks /commands anywhere in a text, with an optional @botname, as bot_command entities.
const BOT_COMMAND = /(?<=^|[\s(,;:])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?=$|[\s),.;:!?])/g;

// Telegram's ids only grow: updates for the whole bot, messages per chat.
let lastUpdateId = 640_000_000;
let lastCallbackId = 0;
const lastMessageIds = new Map<number, number>();

/**
 * A text message update as Telegram delivers it: `bot_command` entities with UTF-16 offsets, the
 * sender's `language_code`, and for `anonymousAdmin` the GroupAnonymousBot sender with
 * `sender_chat` = the group. Refuses texts over 4096 characters: Telegram splits those.
 */
export function messageUpdate(opts: {
  text: string;
  chat: ChatSpec;
  from?: SenderSpec;
  anonymousAdmin?: boolean;
}): Update {
  if (opts.text.length > 4096) throw new Error("Telegram delivers at most 4096 characters in one message");
  const sender = user(opts.from ?? DEFAULT_SENDER);
  const chat = chatOf(opts.chat, sender);
  if (opts.anonymousAdmin && chat.type === "private")
    throw new Error("anonymous admins write in groups only");
  const entities: MessageEntity[] = [...opts.text.matchAll(BOT_COMMAND)].map((match) => ({
    type: "bot_command",
    offset: match.index,
    length: match[0].length,
  }));
  const message: Update["message"] = {
    message_id: nextMessageId(chat.id),
    from: opts.anonymousAdmin ? GROUP_ANONYMOUS_BOT : sender,
    ...(opts.anonymousAdmin && { sender_chat: chat }),
    chat,
    date: now(),
    text: opts.text,
    ...(entities.length > 0 && { entities }),
  };
  return { update_id: nextUpdateId(), message };
}

/** {@link messageUpdate} for a text that starts with a command (`/stake 100 luma`, `/yields@bot`). */
export function commandUpdate(opts: Parameters<typeof messageUpdate>[0]): Update {
  if (!opts.text.startsWith("/")) throw new Error(`"${opts.text}" is not a command`);
  return messageUpdate(opts);
}

/** A press on an inline button with `data` under `message` (a message the bot sent, e.g. `call.message`). */
export function callbackUpdate(opts: { data: string; message: Message; from?: SenderSpec }): Update {
  if (Buffer.byteLength(opts.data) > 64) throw new Error("callback data is at most 64 bytes");
  lastCallbackId += 1;
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: String(4_300_000_000_000_000_000n + BigInt(lastCallbackId)),
      from: user(opts.from ?? DEFAULT_SENDER),
      message: opts.message,
      chat_instance: String(-7_000_000_000_000_000_000n - BigInt(opts.message.chat.id)),
      data: opts.data,
    },
  };
}

/**
 * The bot's own membership changing, as Telegram reports it: added to a group (left → member),
 * removed (member → kicked), blocked by a user in the private chat (member → kicked), promoted.
 */
export function myChatMemberUpdate(opts: {
  chat: ChatSpec;
  oldStatus: BotStatus;
  newStatus: BotStatus;
  from?: SenderSpec;
  bot?: TestBot;
}): Update {
  const sender = user(opts.from ?? DEFAULT_SENDER);
  const me = botUser(opts.bot ?? TEST_BOT);
  return {
    update_id: nextUpdateId(),
    my_chat_member: {
      chat: chatOf(opts.chat, sender),
      from: sender,
      date: now(),
      old_chat_member: chatMember(me, opts.oldStatus),
      new_chat_member: chatMember(me, opts.newStatus),
    },
  };
}

function user({ id, firstName, username, languageCode }: SenderSpec): User {
  return {
    id,
    is_bot: false,
    first_name: firstName ?? "Alice",
    ...(username && { username }),
    ...(languageCode !== null && { language_code: languageCode ?? "en" }),
  };
}

function chatOf(spec: ChatSpec, sender: User): Exclude<Chat, Chat.ChannelChat> {
  if (spec === "private") {
    return {
      id: sender.id,
      type: "private",
      first_name: sender.first_name,
      ...(sender.username && { username: sender.username }),
    };
  }
  if (spec.groupId >= 0) throw new Error("group ids are negative");
  const title = spec.title ?? "Luma Community";
  return spec.groupId < SUPERGROUP_IDS_BELOW
    ? { id: spec.groupId, type: "supergroup", title }
    : { id: spec.groupId, type: "group", title };
}

function nextUpdateId(): number {
  lastUpdateId += 1;
  return lastUpdateId;
}

function nextMessageId(chatId: number): number {
  const id = (lastMessageIds.get(chatId) ?? 0) + 1;
  lastMessageIds.set(chatId, id);
  return id;
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
