import { en, type MessageKey } from "./en.ts";
import { zh } from "./zh.ts";

export type Locale = "en" | "zh";
/**
 * Something to show, kept as a key and parameters (not as a string) so the page can say it again
 * in the other language after a switch; a parameter may itself be a Text (a failure's reason).
 * `raw` is text from elsewhere (a gateway message, a wallet's error) shown as it came.
 */
export type Text = { key: MessageKey; params?: Params } | { raw: string };
export type Params = { readonly [name: string]: string | number | Text };

export const catalogs: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, zh };

/** The `{name}` placeholders of a message, sorted: both languages of a key must use the same. */
export const placeholdersOf = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

/** Words `text` in `locale`; an unknown `{placeholder}` is left visible rather than dropped. */
export function translate(locale: Locale, text: Text): string {
  if ("raw" in text) return text.raw;
  const template = catalogs[locale][text.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.params?.[name];
    if (value === undefined) return whole;
    return typeof value === "object" ? translate(locale, value) : String(value);
  });
}

/** A key of the catalog, or undefined: for codes that come from elsewhere (`gateway.<CODE>`). */
export const messageKey = (key: string): MessageKey | undefined =>
  Object.hasOwn(en, key) ? (key as MessageKey) : undefined;
