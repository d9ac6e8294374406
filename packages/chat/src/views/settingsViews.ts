import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** /lang: the language in use and how to change it; after a change, said in the new language. */
export function langView(locale: Locale, changed: boolean): ChatView {
  const texts = textsFor(locale);
  const t = texts.lang;
  return {
    tone: changed ? "success" : "info",
    title: t.title,
    text: changed ? [t.set] : [t.current({ language: texts.common.languageName[locale] }), t.choose],
    sections: [],
    buttons: [],
  };
}

/** A wallet command in a group: the bot adds its button to the private chat (Telegram: a t.me deep link). */
export function privateOnlyView(locale: Locale): ChatView {
  return {
    tone: "info",
    title: textsFor(locale).usage.continuePrivately,
    text: [textsFor(locale).usage.privateOnly],
    sections: [],
    buttons: [],
  };
}

/** An admin-only command from someone who is not an admin of the chat. */
export function adminOnlyView(locale: Locale): ChatView {
  return {
    tone: "warning",
    title: textsFor(locale).errors.title,
    text: [textsFor(locale).usage.adminOnly],
    sections: [],
    buttons: [],
  };
}
