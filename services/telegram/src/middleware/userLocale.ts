import { isLocale, type Locale, loadUserLocale, localeOf } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { Context, MiddlewareFn } from "grammy";
import { addressedToBot } from "../addressedToBot.ts";
import type { BotContext } from "../BotContext.ts";

/**
 * Whose /lang choice applies to a message. An anonymous admin (or a channel) posts as a chat and
 * Telegram names the shared GroupAnonymousBot as the sender: the choice belongs to that chat, so one
 * group's anonymous admins never change another's language.
 */
export function localeOwnerOf(ctx: Context): string | undefined {
  const owner = ctx.msg?.sender_chat ?? ctx.from;
  return owner ? String(owner.id) : undefined;
}

/**
 * Sets `ctx.locale`. For an update the bot answers: the sender's stored /lang choice, else (posting as
 * the chat) the language its alerts are written in, else their Telegram app's language. Anything
 * else gets the app's language without asking the database.
 */
export function userLocale(prisma: PrismaClient): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const fallback = localeOf(ctx.from?.language_code);
    ctx.locale = addressedToBot(ctx) ? await storedLocale(prisma, ctx, fallback) : fallback;
    await next();
  };
}

async function storedLocale(prisma: PrismaClient, ctx: Context, fallback: Locale): Promise<Locale> {
  const owner = localeOwnerOf(ctx);
  const chosen = owner ? await loadUserLocale(prisma, "telegram", owner) : undefined;
  if (chosen) return chosen;
  const chat = ctx.msg?.sender_chat ? ctx.chat : undefined;
  if (!chat) return fallback;
  const subscription = await prisma.alertSubscription.findUnique({
    where: { platform_chatId: { platform: "telegram", chatId: String(chat.id) } },
    select: { locale: true },
  });
  return isLocale(subscription?.locale) ? subscription.locale : fallback;
}
