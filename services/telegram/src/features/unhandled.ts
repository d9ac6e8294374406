import { type ChatView, type Locale, textsFor } from "@luma-pulse/chat";
import { Composer } from "grammy";
import type { BotContext } from "../BotContext.ts";
import { sendView } from "../render/sendView.ts";

/** What to send when a private message is not a command: where the commands are. */
function hintView(locale: Locale): ChatView {
  const texts = textsFor(locale);
  return { tone: "info", title: texts.help.title, text: [texts.start.next], sections: [], buttons: [] };
}

/**
 * Installed last: a private message nothing else answered (chatter, a sticker, a 5,000-character
 * text) gets a short hint, so the bot is never silent there. In groups the bot stays quiet: the
 * conversation is not for it.
 */
export function unhandled(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("message", async (ctx) => {
    await sendView(ctx.api, ctx.chat.id, hintView(ctx.locale));
  });
  return composer;
}
