import { tokenDecimals } from "@luma-pulse/protocol";
import { formatDuration } from "../i18n/format/formatDates.ts";
import { formatTokenNumber } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "../views/ChatView.ts";
import type { AlertSettings, QuietHours } from "./AlertSettings.ts";

const pad = (value: number) => value.toString().padStart(2, "0");
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** "UTC+8", "UTC-5:30", "UTC". */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const magnitude = Math.abs(minutes);
  const hours = Math.floor(magnitude / 60);
  const rest = magnitude % 60;
  return `UTC${minutes > 0 ? "+" : "-"}${hours}${rest ? `:${pad(rest)}` : ""}`;
}

/** "23:00–07:00 UTC+8". */
export function formatQuietHours(locale: Locale, quiet: QuietHours): string {
  return textsFor(locale).alerts.quietValue({
    start: clock(quiet.startMinute),
    end: clock(quiet.endMinute),
    zone: formatUtcOffset(quiet.utcOffsetMinutes),
  });
}

/** /alerts: the chat's settings, how to change them, and "Saved." after a change. */
export function alertSettingsView(locale: Locale, settings: AlertSettings, saved: boolean): ChatView {
  const texts = textsFor(locale);
  const t = texts.alerts;
  const minimum = formatTokenNumber({ raw: settings.minAmount, decimals: tokenDecimals.SORA }, locale);
  return {
    tone: saved ? "success" : "info",
    title: t.title,
    text: saved ? [t.saved] : undefined,
    sections: [
      {
        lines: [
          { label: t.enabled, value: settings.enabled ? texts.common.on : texts.common.off },
          { label: t.minAmount, value: `${minimum} SORA` },
          {
            label: t.mode,
            value:
              settings.mode === "perEvent"
                ? t.perEvent
                : t.digest({ window: formatDuration(settings.digestWindowMinutes * 60_000, locale) }),
          },
          {
            label: t.quietHours,
            value: settings.quietHours ? formatQuietHours(locale, settings.quietHours) : texts.common.none,
          },
        ],
        note: t.howTo,
      },
    ],
    buttons: [],
  };
}
