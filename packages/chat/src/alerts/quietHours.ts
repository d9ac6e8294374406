import type { QuietHours } from "./AlertSettings.ts";

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

/** The chat's local minute of the day at `at`. */
function localMinute(at: Date, utcOffsetMinutes: number): number {
  const utcMinute = Math.floor(at.getTime() / MINUTE_MS);
  return (((utcMinute + utcOffsetMinutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Whether `at` falls inside the quiet hours (start inclusive, end exclusive). */
export function isQuiet(quiet: QuietHours | undefined, at: Date): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false;
  const minute = localMinute(at, quiet.utcOffsetMinutes);
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** When the quiet hours that `at` is in end; `at` itself when it is not in quiet hours. */
export function quietUntil(quiet: QuietHours | undefined, at: Date): Date {
  if (!quiet || !isQuiet(quiet, at)) return at;
  const minutesLeft =
    (quiet.endMinute - localMinute(at, quiet.utcOffsetMinutes) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const minuteStart = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(minuteStart + minutesLeft * MINUTE_MS);
}
