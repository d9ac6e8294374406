import type {
  ForceReply,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import type { Params } from "./paramReaders.ts";

type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

// The fields that give an inline button its action; a button needs one.
const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];
const BUTTON_URL_PROTOCOLS = new Set(["http:", "https:", "tg:"]);

/** The markup a message keeps: only inline keyboards stay attached to it (reply keyboards do not). */
export function readInlineMarkup(params: Params): InlineKeyboardMarkup | undefined {
  const markup = readReplyMarkup(params);
  return markup && "inline_keyboard" in markup ? markup : undefined;
}

/**
 * Reads `reply_markup`, checking inline keyboards the way Telegram does: every button has
 * non-empty text and an action, URLs are http(s) or tg://, callback data is 1..64 bytes.
 */
function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = params.reply_markup;
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== "object" || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if ("inline_keyboard" in markup) checkInlineKeyboard(markup.inline_keyboard);
  return markup as ReplyMarkup;
}

function checkInlineKeyboard(rows: unknown): void {
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('can\'t parse inline keyboard button: Field "inline_keyboard" must be of type Array');
  }
  for (const button of rows.flat() as unknown[]) checkButton(button);
}

function checkButton(button: unknown): void {
  if (
    typeof button !== "object" ||
    button === null ||
    !("text" in button) ||
    typeof button.text !== "string"
  ) {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (button.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  if (!BUTTON_ACTIONS.some((action) => action in button)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if ("url" in button && !isButtonUrl(button.url)) throw badRequest("BUTTON_URL_INVALID");
  if ("callback_data" in button) {
    const data = button.callback_data;
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return BUTTON_URL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
