import { z } from "zod";

/**
 * Hours in which a chat gets no alerts, in the chat's own time: minutes after local midnight, and
 * the zone as an offset from UTC. `start` > `end` wraps midnight (23:00–07:00); equal means none.
 */
export type QuietHours = { startMinute: number; endMinute: number; utcOffsetMinutes: number };

/** One chat's burn alerts. Stored by the bots (as {@link alertSettingsToJson}), routed by `routeBurn`. */
export type AlertSettings = {
  enabled: boolean;
  /** Burns below this many SORA base units are not alerted. */
  minAmount: bigint;
  /** `perEvent`: every burn at once; `digest`: one message per window with the count and total. */
  mode: "perEvent" | "digest";
  /** The digest window, aligned to UTC (60: one digest an hour, on the hour). */
  digestWindowMinutes: number;
  quietHours?: QuietHours;
};

/** A new chat: every burn, at once, day and night. */
export const defaultAlertSettings: AlertSettings = {
  enabled: true,
  minAmount: 0n,
  mode: "perEvent",
  digestWindowMinutes: 60,
};

export const MAX_DIGEST_WINDOW_MINUTES = 1440;
const MINUTES_PER_DAY = 1440;

const minuteOfDay = z
  .number()
  .int()
  .min(0)
  .max(MINUTES_PER_DAY - 1);

/** What a database row (JSON) holds: the minimum as a decimal string, since JSON has no bigint. */
const storedAlertSettings = z.object({
  enabled: z.boolean(),
  minAmount: z.string().regex(/^(0|[1-9]\d*)$/),
  mode: z.enum(["perEvent", "digest"]),
  digestWindowMinutes: z.number().int().min(1).max(MAX_DIGEST_WINDOW_MINUTES),
  quietHours: z
    .object({
      startMinute: minuteOfDay,
      endMinute: minuteOfDay,
      utcOffsetMinutes: z.number().int().min(-720).max(840),
    })
    .optional(),
});

/** Settings as JSON for storage. */
export function alertSettingsToJson(settings: AlertSettings): z.input<typeof storedAlertSettings> {
  return { ...settings, minAmount: settings.minAmount.toString() };
}

/** Settings read back from storage; anything malformed falls back to the defaults rather than failing a delivery. */
export function parseAlertSettings(json: unknown): AlertSettings {
  const parsed = storedAlertSettings.safeParse(json);
  if (!parsed.success) return defaultAlertSettings;
  return { ...parsed.data, minAmount: BigInt(parsed.data.minAmount) };
}
