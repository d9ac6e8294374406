import type { Locale } from "../Locale.ts";
import { en, type Texts } from "./en.ts";
import { zh } from "./zh.ts";

const catalogs: Readonly<Record<Locale, Texts>> = { en, zh };

/** The catalog of one language. */
export const textsFor = (locale: Locale): Texts => catalogs[locale];
