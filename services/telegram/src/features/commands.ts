import { answerText, findCommand, loadAlertSettings, parseCommandText } from "@luma-pulse/chat";
import { Composer } from "grammy";
import type { BotContext } from "../BotContext.ts";
import type { BotDeps } from "../BotDeps.ts";
import { sendReply } from "../sendReply.ts";

/**
 * Every command, from the chat core's one list: the core parses, checks the chat and the arguments
 * and answers (`answerText`); this feature supplies who and where, and sends the answer. /start with
 * a deep-link payload runs the command the payload carries. Text that is not ours goes on.
 */
export function commands(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("message:text", async (ctx, next) => {
    const { text } = ctx.message;
    const botUsername = ctx.me.username;
    const kind = ctx.chat.type === "private" ? "private" : "group";
    const command = parseCommandText(text, { botUsername });
    const definition = command.kind === "command" ? findCommand(command.name) : undefined;
    // getChatMember only for the commands that need an admin (a /sora in a group costs no API call).
    const isAdmin = kind === "private" || (definition?.adminOnly === true && (await ctx.isChatAdmin()));
    const chatId = String(ctx.chat.id);
    const reply = await answerText(
      {
        gateway: deps.gateway,
        platform: "telegram",
        locale: ctx.locale,
        user: { platform: "TELEGRAM", userId: String(ctx.from.id) },
        chat: { kind, isAdmin },
        now: new Date(),
        charts: true,
        explorer: deps.explorer,
        alertSettings:
          definition?.adminOnly && isAdmin
            ? await loadAlertSettings(deps.prisma, "telegram", chatId)
            : undefined,
      },
      text,
      { botUsername },
    );
    if (!reply) return next();
    await sendReply(ctx, reply, deps);
  });
  return composer;
}
