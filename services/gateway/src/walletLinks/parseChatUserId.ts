import { domainError } from "../errors/domainError.ts";

/** Telegram user ids and Discord snowflakes are both unsigned integers (Discord's up to 2^64). */
const CHAT_USER_ID = /^[0-9]{1,20}$/;

/**
 * A chat user id as the bots send it, checked: it lands in the statement the member signs, so it
 * must be plain digits (no line breaks or text that could change what the statement says).
 */
export function parseChatUserId(value: string): string {
  if (!CHAT_USER_ID.test(value)) throw domainError("INVALID_CHAT_USER_ID", { value: value.slice(0, 80) });
  return value;
}
