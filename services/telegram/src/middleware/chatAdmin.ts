import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../BotContext.ts";

/** How long a member's status is trusted: promotions and demotions show within a minute. */
const ADMIN_CACHE_MS = 60_000;
/** Enough for every active member of many groups; the oldest answers go first beyond it. */
const MAX_CACHED = 10_000;

/**
 * Installs `ctx.isChatAdmin()`: true in a private chat, and for a message an anonymous admin posts
 * as the group itself; otherwise the member's status from `getChatMember` (creator or
 * administrator), cached per chat and user for a minute.
 */
export function chatAdmin(): MiddlewareFn<BotContext> {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (ctx, next) => {
    ctx.isChatAdmin = async () => {
      const chat = ctx.chat;
      if (!chat || chat.type === "private") return true;
      // Telegram hides an anonymous admin behind the group: only admins can post as the group.
      if (ctx.msg?.sender_chat?.id === chat.id) return true;
      const userId = ctx.from?.id;
      if (userId === undefined) return false;
      const key = `${chat.id}:${userId}`;
      const cached = cache.get(key);
      if (cached && cached.until > Date.now()) return cached.admin;
      const member = await ctx.api.getChatMember(chat.id, userId);
      const admin = member.status === "creator" || member.status === "administrator";
      cache.delete(key);
      cache.set(key, { admin, until: Date.now() + ADMIN_CACHE_MS });
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
      return admin;
    };
    await next();
  };
}
