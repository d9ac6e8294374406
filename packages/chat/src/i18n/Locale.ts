/** The languages the bots speak. */
export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];

/** Whether `value` names a supported locale exactly ("en" or "zh"). */
export const isLocale = (value: unknown): value is Locale => value === "en" || value === "zh";
