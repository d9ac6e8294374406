import type { MessageEntity } from "grammy/types";
import { BotApiError } from "./BotApiError.ts";

// Telegram's HTML tags (with their aliases) and the entity each one makes.
const ENTITY_BY_TAG = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  a: "text_link",
  code: "code",
  pre: "pre",
  blockquote: "blockquote",
} as const;
type Tag = keyof typeof ENTITY_BY_TAG;
type OpenTag = { tag: Tag; offset: number; attributes: Map<string, string>; language?: string };

const NAMED_REFERENCES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/y;
const TAG_NAME = /<\/?([^\s>/]*)/y;
const START_TAG = /<[^\s>/]+((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*>/y;
const SPECIAL = /[<&]/g;
const ATTRIBUTE = /([^\s=>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

/**
 * Parses `parse_mode: "HTML"` text as Telegram does: the plain text and its entities (offsets in
 * UTF-16 code units, like Telegram's). Refuses what Telegram refuses with 400 "can't parse
 * entities": unsupported or unbalanced tags, a `<` that starts no tag, a span without the spoiler
 * class. Stricter than Telegram on one point: a bare `&` is refused too, because Telegram's docs
 * require it escaped and bots that forget it garble text such as "&lt;".
 */
export function parseTelegramHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = "";
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < html.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(html)?.index ?? html.length;
    text += html.slice(i, next);
    i = next;
    if (i >= html.length) break;
    if (html[i] === "&") {
      const [character, end] = readReference(html, i);
      text += character;
      i = end;
    } else if (html[i + 1] === "/") {
      const end = html.indexOf(">", i);
      if (end === -1) throw cannotParse("Unclosed end tag", html, i);
      const name = html
        .slice(i + 2, end)
        .trim()
        .toLowerCase();
      const top = open.pop();
      if (!top) throw cannotParse("Unexpected end tag", html, i);
      if (top.tag !== name) {
        throw cannotParse(`Unmatched end tag`, html, i, `, expected "</${top.tag}>", found "</${name}>"`);
      }
      const entity = closeTag(top, text.length, open.at(-1));
      if (entity) entities.push(entity);
      i = end + 1;
    } else {
      const { tag, attributes, end } = readStartTag(html, i);
      open.push({ tag, offset: text.length, attributes });
      i = end;
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw cannotParse(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function readReference(html: string, at: number): [string, number] {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(html);
  if (!match) throw cannotParse(`Unescaped "&" (write "&amp;")`, html, at);
  const [whole, decimal, hex, name] = match;
  const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined;
  if (code !== undefined && code > 0 && code <= 0x10ffff)
    return [String.fromCodePoint(code), at + whole.length];
  const named = name === undefined ? undefined : NAMED_REFERENCES[name];
  if (named === undefined) throw cannotParse(`Unsupported HTML entity "${whole}"`, html, at);
  return [named, at + whole.length];
}

function readStartTag(html: string, at: number) {
  TAG_NAME.lastIndex = at;
  const name = (TAG_NAME.exec(html)?.[1] ?? "").toLowerCase();
  if (!(name in ENTITY_BY_TAG)) throw cannotParse(`Unsupported start tag "${name}"`, html, at);
  START_TAG.lastIndex = at;
  const match = START_TAG.exec(html);
  if (!match) throw cannotParse("Unclosed start tag", html, at);
  const attributes = new Map<string, string>();
  for (const [, key, double, single, bare] of (match[1] ?? "").matchAll(ATTRIBUTE)) {
    if (key) attributes.set(key.toLowerCase(), decodeAttribute(double ?? single ?? bare ?? ""));
  }
  if (name === "span" && attributes.get("class") !== "tg-spoiler") {
    throw cannotParse(`Tag "span" must have class "tg-spoiler"`, html, at);
  }
  return { tag: name as Tag, attributes, end: at + match[0].length };
}

// Attribute values (hrefs with query strings) decode the references they can and keep the rest.
function decodeAttribute(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot));/g,
    (_, decimal, hex, name) =>
      name
        ? (NAMED_REFERENCES[name] ?? "")
        : String.fromCodePoint(decimal ? Number(decimal) : Number.parseInt(hex, 16)),
  );
}

function closeTag(open: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const { offset, tag, attributes } = open;
  const length = end - offset;
  const language = attributes.get("class")?.match(/^language-(.+)$/)?.[1];
  // `<pre><code class="language-ts">` is one pre entity with a language, not two entities.
  if (tag === "code" && parent?.tag === "pre") {
    parent.language ??= language;
    return undefined;
  }
  if (length === 0) return undefined;
  if (tag === "a") {
    const url = attributes.get("href");
    return url ? { type: "text_link", offset, length, url } : undefined;
  }
  if (tag === "pre")
    return open.language
      ? { type: "pre", offset, length, language: open.language }
      : { type: "pre", offset, length };
  if (tag === "blockquote" && attributes.has("expandable"))
    return { type: "expandable_blockquote", offset, length };
  return { type: ENTITY_BY_TAG[tag] as MessageEntity.CommonMessageEntity["type"], offset, length };
}

function cannotParse(what: string, html?: string, at?: number, suffix = ""): BotApiError {
  const where =
    html === undefined || at === undefined ? "" : ` at byte offset ${Buffer.byteLength(html.slice(0, at))}`;
  return new BotApiError(400, `Bad Request: can't parse entities: ${what}${where}${suffix}`);
}
