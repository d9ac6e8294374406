import type { Chat, ChatMember, User } from "grammy/types";
import { BotApiError, badRequest } from "./BotApiError.ts";
import { chatMember, type MemberStatus } from "./chatMember.ts";

/** Why the bot can no longer write to a chat. */
export type BlockReason = "blocked" | "kicked" | "not_found";

/** The chats and users the stand-in knows: from pushed updates, `setChatMember` and `blockChat`. */
export type ChatDirectory = {
  chat(chatId: number): Chat;
  user(userId: number): User;
  /** Learns the chats and users in an update, so later answers use their real names and titles. */
  rememberUpdate(update: object): void;
  setMember(chatId: number, userId: number, status: MemberStatus): void;
  member(chatId: number, userId: number): ChatMember;
  administrators(chatId: number): ChatMember[];
  block(chatId: number, how: BlockReason): void;
  /** Throws Telegram's answer when the bot may not write to the chat. */
  assertCanWrite(chatId: number): void;
  /** Throws Telegram's answer when the bot cannot see the chat at all. */
  assertCanRead(chatId: number): void;
};

const SUPERGROUP_IDS_BELOW = -1_000_000_000_000; // supergroup ids are -100 followed by ten digits

/** A directory in which every member is a plain "member" until told otherwise. */
export function createChatDirectory(): ChatDirectory {
  const chats = new Map<number, Chat>();
  const users = new Map<number, User>();
  const statuses = new Map<number, Map<number, MemberStatus>>();
  const blocked = new Map<number, BlockReason>();

  const directory: ChatDirectory = {
    chat: (id) => chats.get(id) ?? synthesizeChat(id, users.get(id)),
    user: (id) => users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` },
    rememberUpdate(update) {
      walk(update, (value) => {
        if (isChat(value)) chats.set(value.id, value);
        else if (isUser(value)) users.set(value.id, value);
      });
    },
    setMember(chatId, userId, status) {
      const members = statuses.get(chatId) ?? new Map<number, MemberStatus>();
      members.set(userId, status);
      statuses.set(chatId, members);
    },
    member: (chatId, userId) =>
      chatMember(directory.user(userId), statuses.get(chatId)?.get(userId) ?? "member"),
    administrators: (chatId) =>
      [...(statuses.get(chatId) ?? [])]
        .filter(([, status]) => status === "creator" || status === "administrator")
        .map(([userId, status]) => chatMember(directory.user(userId), status)),
    block: (chatId, how) => blocked.set(chatId, how),
    assertCanWrite(chatId) {
      const how = blocked.get(chatId);
      if (how === "blocked") throw new BotApiError(403, "Forbidden: bot was blocked by the user");
      if (how === "kicked") {
        const kind = directory.chat(chatId).type === "supergroup" ? "supergroup" : "group";
        throw new BotApiError(403, `Forbidden: bot was kicked from the ${kind} chat`);
      }
      if (how === "not_found") throw badRequest("chat not found");
    },
    assertCanRead(chatId) {
      // A user who blocked the bot is still visible to it; a group that removed it is not.
      if (blocked.get(chatId) !== "blocked") directory.assertCanWrite(chatId);
    },
  };
  return directory;
}

function synthesizeChat(id: number, user: User | undefined): Chat {
  if (id > 0) return { id, type: "private", first_name: user?.first_name ?? `User ${id}` };
  const title = `Group ${-id}`;
  return id < SUPERGROUP_IDS_BELOW ? { id, type: "supergroup", title } : { id, type: "group", title };
}

function walk(value: unknown, visit: (value: object) => void): void {
  if (typeof value !== "object" || value === null) return;
  visit(value);
  for (const child of Object.values(value)) walk(child, visit);
}

function isChat(value: object): value is Chat {
  return (
    "type" in value &&
    "id" in value &&
    ["private", "group", "supergroup", "channel"].includes(String(value.type))
  );
}

function isUser(value: object): value is User {
  return "is_bot" in value && "id" in value && "first_name" in value;
}
