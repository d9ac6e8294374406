import type { ChatLine, ChatView } from "@luma-pulse/chat";
import { escapeHtml } from "./escapeHtml.ts";
import { packMessages } from "./packMessages.ts";
import { splitPlainText } from "./splitPlainText.ts";

/** Telegram's longest text message, in characters. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's longest photo caption, in characters. */
export const CAPTION_LIMIT = 1024;

/** One line as HTML, and as plain text to fall back on when the HTML is too long for a message. */
type Line = { html: string; plain: string };

const styled = (tag: "b" | "i" | "code" | undefined, text: string): Line => ({
  html: tag ? `<${tag}>${escapeHtml(text)}</${tag}>` : escapeHtml(text),
  plain: text,
});

/** "Label: value"; a label that already ends in punctuation (a step's "1.") takes just a space. */
function chatLine(line: ChatLine): Line {
  const value = line.mono ? `<code>${escapeHtml(line.value)}</code>` : escapeHtml(line.value);
  const label = line.label === "" ? "" : `${line.label}${/[.:：]$/.test(line.label) ? " " : ": "}`;
  return { html: `${escapeHtml(label)}${value}`, plain: `${label}${line.value}` };
}

/** A line that fits as it is, or its plain text in pieces that do (losing only its formatting). */
const fitted = (line: Line, limit: number): string[] =>
  line.html.length <= limit ? [line.html] : splitPlainText(line.plain, limit);

/**
 * A `ChatView` as Telegram HTML messages of at most `limit` characters: the title in bold, its
 * sentences, each section (heading in bold, "label: value" lines, mono values in `<code>`, its note),
 * then the freshness footer in italics. Every string is escaped; a long answer is split between
 * sections (between lines only when one section alone is too long), and never inside a tag.
 * Buttons and the chart are not text: see `inlineKeyboardOf` and `sendView`.
 */
export function renderViewHtml(view: ChatView, limit: number = MESSAGE_LIMIT): string[] {
  const blocks: Line[][] = [
    [styled("b", view.title), ...(view.text ?? []).map((sentence) => styled(undefined, sentence))],
    ...view.sections.map((section) => [
      ...(section.heading ? [styled("b", section.heading)] : []),
      ...section.lines.map(chatLine),
      ...(section.note ? [styled(undefined, section.note)] : []),
    ]),
    ...(view.footer ? [[styled("i", view.footer)]] : []),
  ];
  return packMessages(
    blocks.filter((block) => block.length > 0).map((block) => block.flatMap((line) => fitted(line, limit))),
    limit,
  );
}
