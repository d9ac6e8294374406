import { removeChat } from "@luma-pulse/chat";
import { Composer } from "grammy";
import type { BotContext } from "../BotContext.ts";
import type { BotDeps } from "../BotDeps.ts";

/**
 * The bot's own membership: removed from a group, or blocked in a private chat, the chat is
 * unsubscribed from alerts at once (and its pending deliveries dropped) rather than failing later.
 */
export function myChatMember(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("my_chat_member", async (ctx) => {
    const { status } = ctx.myChatMember.new_chat_member;
    if (status !== "left" && status !== "kicked") return;
    const reason =
      ctx.chat.type === "private" ? "blocked by the user" : `bot ${status === "kicked" ? "removed" : "left"}`;
    await removeChat(deps.prisma, "telegram", String(ctx.chat.id), reason);
    ctx.log("telegram chat unsubscribed", { reason });
  });
  return composer;
}
