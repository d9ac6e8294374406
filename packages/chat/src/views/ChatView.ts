/** One "label: value" line. `mono`: an address, hash or code, which renderers set in monospace. */
export type ChatLine = { label: string; value: string; mono?: boolean };

/** A block of lines under an optional heading, with an optional sentence after them. */
export type ChatSection = { heading?: string; lines: ChatLine[]; note?: string };

/** A link button. */
export type ChatButton = { label: string; url: string };

/** A PNG to attach (Telegram: a photo; Discord: an embed image). */
export type ChatChart = { png: Buffer; width: number; height: number; fileName: string; alt: string };

/**
 * A platform-neutral answer: what to say, not how. Telegram renders it as HTML, Discord as an
 * embed; both escape every string themselves (nothing here is markup).
 */
export type ChatView = {
  /** How the answer feels: renderers may pick a colour or an icon from it. */
  tone: "info" | "success" | "warning" | "error";
  title: string;
  /** Sentences under the title. */
  text?: string[];
  sections: ChatSection[];
  chart?: ChatChart;
  buttons: ChatButton[];
  /** "Block 1,234 · 21 Nov 2026, 14:05 UTC": how fresh protocol data is (every answer with any). */
  footer?: string;
  /** The block behind `footer`, for renderers with a timestamp field (Discord embeds). */
  asOf?: { block: bigint; time: Date };
};

/** A section, or nothing when it would be empty. */
export function sectionOf(
  heading: string | undefined,
  lines: (ChatLine | undefined | false)[],
  note?: string,
): ChatSection[] {
  const kept = lines.filter((line): line is ChatLine => Boolean(line));
  return kept.length > 0 || note ? [{ heading, lines: kept, note }] : [];
}
