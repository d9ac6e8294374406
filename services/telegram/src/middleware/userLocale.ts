import { loadUserLocale, localeOf } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../BotContext.ts";

/** Sets `ctx.locale`: the user's stored /lang choice, else the language of their Telegram app. */
export function userLocale(prisma: PrismaClient): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const chosen = from ? await loadUserLocale(prisma, "telegram", String(from.id)) : undefined;
    ctx.locale = chosen ?? localeOf(from?.language_code);
    await next();
  };
}
