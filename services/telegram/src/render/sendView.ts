import type { ChatView } from "@luma-pulse/chat";
import { type Api, GrammyError, InputFile } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { escapeHtml } from "./escapeHtml.ts";
import { inlineKeyboardOf } from "./inlineKeyboardOf.ts";
import { CAPTION_LIMIT, renderViewHtml } from "./renderViewHtml.ts";

/** Where and how a view goes: `replyTo` quotes the command's message (groups), if it still exists. */
export type SendViewOptions = { replyTo?: number };

type Markup = { reply_markup?: InlineKeyboardMarkup };

const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/**
 * Sends a view to a chat: a chart as a photo (with the text as its caption when it fits in 1,024
 * characters, else followed by the text), the text as one or more HTML messages, the buttons under
 * the last one. Returns the message that carries the buttons: the one to edit later.
 */
export async function sendView(
  api: Api,
  chatId: number | string,
  view: ChatView,
  options: SendViewOptions = {},
): Promise<Message> {
  let quote =
    options.replyTo === undefined
      ? {}
      : { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } };
  // Only the first message quotes the command; the rest follow it.
  const once = () => {
    const current = quote;
    quote = {};
    return current;
  };
  const messages = renderViewHtml(view);
  const buttons = (send: (markup: Markup) => Promise<Message>) => sendWithButtons(api, chatId, view, send);
  if (view.chart) {
    const photo = new InputFile(view.chart.png, view.chart.fileName);
    const [caption, ...more] = renderViewHtml(view, CAPTION_LIMIT);
    if (caption !== undefined && more.length === 0) {
      return buttons((markup) => api.sendPhoto(chatId, photo, { caption, ...HTML, ...once(), ...markup }));
    }
    await api.sendPhoto(chatId, photo, { caption: escapeHtml(view.chart.alt), ...HTML, ...once() });
  }
  let last: Message | undefined;
  for (const [index, text] of messages.entries()) {
    const send = (markup: Markup) => api.sendMessage(chatId, text, { ...HTML, ...once(), ...markup });
    last = index === messages.length - 1 ? await buttons(send) : await send({});
  }
  if (!last) throw new Error("a view rendered to no message");
  return last;
}

/**
 * Sends with the view's buttons; if Telegram refuses a button's URL (it does for a local address
 * like the devnet's http://127.0.0.1 signing page), sends without them, then the links as text, so
 * the answer still arrives and the links work where the member can open them.
 */
async function sendWithButtons(
  api: Api,
  chatId: number | string,
  view: ChatView,
  send: (markup: Markup) => Promise<Message>,
): Promise<Message> {
  const keyboard = inlineKeyboardOf(view.buttons);
  if (!keyboard) return send({});
  try {
    return await send({ reply_markup: keyboard });
  } catch (error) {
    const badButton =
      error instanceof GrammyError && error.error_code === 400 && /button|url/i.test(error.description);
    if (!badButton) throw error;
    const message = await send({});
    const links = view.buttons.map((b) => `${escapeHtml(b.label)}: ${escapeHtml(b.url)}`).join("\n");
    await api.sendMessage(chatId, links, HTML);
    return message;
  }
}
