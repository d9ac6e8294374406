import type { Chat, ChatMember, User } from "grammy/types";
import { BotApiError, badRequest } from "./BotApiError.ts";

/** A member's status as `getChatMember` reports it. */
export type MemberStatus = ChatMember["status"];
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

function chatMember(user: User, status: MemberStatus): ChatMember {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_send_welcome_messages: false,
      };
    case "restricted":
      return { status, user, until_date: 0, is_member: true, ...RESTRICTED_RIGHTS };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

// A muted member: in the group but allowed nothing.
const RESTRICTED_RIGHTS = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
  can_react_to_messages: false,
  can_change_info: false,
  can_invite_users: false,
  can_edit_tag: false,
  can_pin_messages: false,
  can_manage_topics: false,
};

function walk(value: unknown, visit: (value: object) => void): void {
  if (typeof value !== "object" || value === null) return;
  visit(value);
  for (const child of Object.values(value)) walk(child, visit);
}

function isChat(value: object): value is Chat {
  return "type" in value && "id" in value && ["private", "group", "supergroup", "channel"].includes(String(value.type));
}

function isUser(value: object): value is User {
  return "is_bot" in value && "id" in value && "first_name" in value;
}
