import type { MessageEntity } from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import { type Params, readString } from "./paramReaders.ts";
import { parseTelegramHtml } from "./parseTelegramHtml.ts";

/** Text as Telegram stores it: entities parsed out, surrounding whitespace trimmed. */
export type FormattedText = { text: string; entities: MessageEntity[] };

const RULES = {
  text: { entitiesField: "entities", max: 4096, tooLong: "message is too long" },
  caption: { entitiesField: "caption_entities", max: 1024, tooLong: "message caption is too long" },
} as const;

/**
 * A message's `text` after `parse_mode` is applied: 1..4096 characters, counted in UTF-16 code
 * units after entity parsing, as Telegram counts them.
 */
export function readText(params: Params): FormattedText {
  const text = readFormatted(params, "text");
  if (!text) throw badRequest("message text is empty");
  return text;
}

/** A photo's optional `caption` after `parse_mode` is applied: at most 1024 characters. */
export function readCaption(params: Params): FormattedText | undefined {
  return readFormatted(params, "caption");
}

function readFormatted(params: Params, field: "text" | "caption"): FormattedText | undefined {
  const raw = readString(params, field);
  if (raw === undefined) return undefined;
  const text = trim(applyParseMode(raw, params, RULES[field].entitiesField));
  if (text.text.length > RULES[field].max) throw badRequest(RULES[field].tooLong);
  return text.text.length > 0 ? text : undefined;
}

function applyParseMode(raw: string, params: Params, entitiesField: string): FormattedText {
  const parseMode = readString(params, "parse_mode") ?? "";
  switch (parseMode.toLowerCase()) {
    case "":
      return { text: raw, entities: (params[entitiesField] as MessageEntity[] | undefined) ?? [] };
    case "html":
      return parseTelegramHtml(raw);
    case "markdown":
    case "markdownv2":
      // Not parsed: our bots write HTML. The raw text is kept, so lengths count the markup too.
      return { text: raw, entities: [] };
    default:
      throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
}

// Telegram drops leading and trailing whitespace, moving or cutting entities with the text.
function trim({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const moved = entities.flatMap((entity) => {
    const offset = Math.max(0, entity.offset - start);
    const end = Math.min(trimmed.length, entity.offset + entity.length - start);
    return end > offset ? [{ ...entity, offset, length: end - offset }] : [];
  });
  return { text: trimmed, entities: moved };
}
