import type { ChatButton } from "@luma-pulse/chat";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";

/**
 * A view's link buttons as an inline keyboard: the first (the main action, like "Open signing
 * page") on a row of its own, the rest two to a row. Undefined without buttons.
 */
export function inlineKeyboardOf(buttons: readonly ChatButton[]): InlineKeyboardMarkup | undefined {
  const [first, ...rest] = buttons.map((b): InlineKeyboardButton => ({ text: b.label, url: b.url }));
  if (!first) return undefined;
  const rows: InlineKeyboardButton[][] = [[first]];
  for (let i = 0; i < rest.length; i += 2) rows.push(rest.slice(i, i + 2));
  return { inline_keyboard: rows };
}
