import type { ChatSection } from "@luma-pulse/chat";
import { type APIEmbedField, escapeMarkdown } from "discord.js";
import { clip, EMBED_LIMITS } from "./embedLimits.ts";

/** A field name Discord shows as blank (it refuses an empty one). */
const BLANK = "\u200b";

const lineOf = (label: string, value: string, mono?: boolean) =>
  `**${escapeMarkdown(label)}**: ${mono ? `\`${value.replaceAll("`", "ˋ")}\`` : escapeMarkdown(value)}`;

/**
 * A section as embed fields: its lines (and note) in one field under its heading, continued in
 * further fields where they pass a field's 1,024 characters (a line is never split).
 */
export function sectionFields(section: ChatSection): APIEmbedField[] {
  const lines = section.lines.map((line) =>
    clip(lineOf(line.label, line.value, line.mono), EMBED_LIMITS.fieldValue),
  );
  if (section.note) lines.push(clip(`*${escapeMarkdown(section.note)}*`, EMBED_LIMITS.fieldValue));
  const values: string[] = [];
  for (const line of lines) {
    const last = values.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= EMBED_LIMITS.fieldValue) {
      values[values.length - 1] = `${last}\n${line}`;
    } else {
      values.push(line);
    }
  }
  const name = clip(section.heading ?? BLANK, EMBED_LIMITS.fieldName);
  return values.map((value, i) => ({ name: i === 0 ? name : BLANK, value }));
}
