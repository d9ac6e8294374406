import type { Locale } from "../Locale.ts";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => value.toString().padStart(2, "0");

/**
 * A date and time in UTC with the zone written, so nobody guesses their own zone into it:
 * "21 Nov 2026, 14:05 UTC" / "2026年11月21日 14:05 UTC". Chain time is UTC throughout the API.
 */
export function formatDateTime(date: Date, locale: Locale): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
  return locale === "zh" ? `${formatDate(date, locale)} ${time}` : `${formatDate(date, locale)}, ${time}`;
}

/** A day in UTC: "21 Nov 2026" / "2026年11月21日". */
export function formatDate(date: Date, locale: Locale): string {
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
  return locale === "zh" ? `${year}年${month + 1}月${day}日` : `${day} ${MONTHS_EN[month]} ${year}`;
}

/** A short date for chart axes: "21 Nov" / "11月21日". */
export function formatShortDate(date: Date, locale: Locale): string {
  const [month, day] = [date.getUTCMonth(), date.getUTCDate()];
  return locale === "zh" ? `${month + 1}月${day}日` : `${day} ${MONTHS_EN[month]}`;
}

const UNITS = {
  en: { d: "d", h: "h", min: "min", s: "s" },
  zh: { d: " 天", h: " 小时", min: " 分钟", s: " 秒" },
} as const;

/**
 * A duration in its two largest units, rounded down: "2 d 5 h", "14 min" / "2 天 5 小时". Negative
 * durations read as zero (something already past is reported by its caller, not here).
 */
export function formatDuration(milliseconds: number, locale: Locale): string {
  const units = UNITS[locale];
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const parts: [number, string][] = [
    [Math.floor(seconds / 86_400), units.d],
    [Math.floor((seconds % 86_400) / 3600), units.h],
    [Math.floor((seconds % 3600) / 60), units.min],
    [seconds % 60, units.s],
  ];
  const join = (value: number, unit: string) => (locale === "en" ? `${value} ${unit}` : `${value}${unit}`);
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return join(0, units.s);
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => join(value, unit))
    .join(" ");
}
