import { badRequest } from "./BotApiError.ts";

/** A method's parameters after decoding (JSON keeps types; form fields arrive as strings). */
export type Params = Record<string, unknown>;

/** An integer parameter, from a JSON number or a form field's digits. */
export function readInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw badRequest(`field "${name}" must be of type Integer`);
  return number;
}

/** A string parameter; numbers are accepted as Telegram does (form fields cannot tell them apart). */
export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw badRequest(`field "${name}" must be of type String`);
}

/** A Boolean parameter (`true` or the form field `"true"`). */
export function readFlag(params: Params, name: string): boolean {
  return params[name] === true || params[name] === "true";
}

/**
 * The integer chat id a method targets. Public `@usernames` resolve to nothing here: the stand-in
 * knows no public chats, so Telegram's answer for an unknown one applies.
 */
export function readChatId(params: Params): number {
  const raw = params.chat_id;
  if (raw === undefined || raw === "") throw badRequest("chat_id is empty");
  const id = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isSafeInteger(id) || id === 0) throw badRequest("chat not found");
  return id;
}

/** A required message id. */
export function readMessageId(params: Params): number {
  const id = readInt(params, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  return id;
}
