/** Text made safe for Telegram's HTML parse mode: the three characters it treats as markup. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
