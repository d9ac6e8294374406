import { escapeHtml } from "./escapeHtml.ts";

/**
 * Plain text as escaped HTML pieces of at most `limit` characters each, cut between characters
 * (never inside an entity like `&amp;` or a surrogate pair), at the last space when one is near.
 */
export function splitPlainText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of text) {
    const escaped = escapeHtml(char);
    if (current.length + escaped.length > limit) {
      // Cut at a space in the second half of the piece, so words stay whole; else cut right here.
      const space = current.lastIndexOf(" ");
      const cut = space > limit / 2 ? space : current.length;
      pieces.push(current.slice(0, cut));
      current = current.slice(cut).trimStart();
    }
    current += escaped;
  }
  if (current !== "") pieces.push(current);
  return pieces;
}
