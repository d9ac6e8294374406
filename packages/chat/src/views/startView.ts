import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** /start without a payload: who the bot is, and where to go next. */
export function startView(locale: Locale): ChatView {
  const t = textsFor(locale).start;
  return { tone: "info", title: t.title, text: [t.intro, t.next], sections: [], buttons: [] };
}
