import {
  type ChatView,
  type CommandReply,
  saveAlertSettings,
  saveUserLocale,
  trackIntentMessage,
} from "@luma-pulse/chat";
import type { BotContext } from "./BotContext.ts";
import type { BotDeps } from "./BotDeps.ts";
import { localeOwnerOf } from "./middleware/userLocale.ts";
import { sendView } from "./render/sendView.ts";

/**
 * Does what a command's answer asks and sends its view to the chat the command came from (quoting
 * the command in a group): stores a /lang or /alerts change first, follows a signing plan's message
 * so it can be edited when the intent settles, and gives a wallet command in a group its button to
 * the private chat.
 */
export async function sendReply(ctx: BotContext, reply: CommandReply, deps: BotDeps): Promise<void> {
  const chat = ctx.chat;
  if (!chat) return;
  const chatId = String(chat.id);
  const send = (view: ChatView) =>
    sendView(ctx.api, chat.id, view, chat.type === "private" ? {} : { replyTo: ctx.msg?.message_id });
  switch (reply.kind) {
    case "view":
      await send(reply.view);
      return;
    case "intent": {
      const message = await send(reply.view);
      await trackIntentMessage(deps.prisma, {
        platform: "telegram",
        chatId,
        messageId: String(message.message_id),
        intentId: reply.intentId,
        locale: ctx.locale,
      });
      return;
    }
    case "private_only": {
      // Without a payload (too long to carry) the button still opens the private chat.
      const start = reply.startPayload === undefined ? "start" : `start=${reply.startPayload}`;
      const url = `https://t.me/${ctx.me.username}?${start}`;
      await send({ ...reply.view, buttons: [{ label: reply.view.title, url }, ...reply.view.buttons] });
      return;
    }
    case "set_locale": {
      const owner = localeOwnerOf(ctx);
      if (owner) await saveUserLocale(deps.prisma, "telegram", owner, reply.locale);
      await send(reply.view);
      return;
    }
    case "set_alerts":
      // Alerts are written in the language of the admin who last set them (an anonymous admin's: the
      // group's own /lang choice, else the language the alerts already had; see userLocale).
      await saveAlertSettings(deps.prisma, {
        platform: "telegram",
        chatId,
        settings: reply.settings,
        locale: ctx.locale,
      });
      await send(reply.view);
      return;
  }
}
