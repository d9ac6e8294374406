import { moveChat } from "@luma-pulse/chat";
import { Composer } from "grammy";
import type { BotContext } from "../BotContext.ts";
import type { BotDeps } from "../BotDeps.ts";

/**
 * A group upgraded to a supergroup lives on under a new id: Telegram's service message in the old
 * group names it, and the group's alert subscription and queued alerts move there at once, before a
 * send to the old id fails (the delivery worker moves them too when it gets there first).
 */
export function migratedGroup(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:migrate_to_chat_id", async (ctx) => {
    const from = String(ctx.chat.id);
    const to = String(ctx.message.migrate_to_chat_id);
    await moveChat(deps.prisma, "telegram", from, to);
    ctx.log("telegram chat moved", { from, to });
  });
  return composer;
}
