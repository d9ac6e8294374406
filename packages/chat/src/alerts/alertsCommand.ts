import { parseAmountArg } from "../commands/parseArgument.ts";
import { echo, type UsageProblem } from "../commands/UsageProblem.ts";
import { type AlertSettings, MAX_DIGEST_WINDOW_MINUTES, type QuietHours } from "./AlertSettings.ts";

/** A change to a chat's alerts, as /alerts words it. */
export type AlertsChange =
  | { kind: "show" }
  | { kind: "enabled"; enabled: boolean }
  | { kind: "minAmount"; minAmount: bigint }
  | { kind: "digest"; windowMinutes: number }
  | { kind: "perEvent" }
  | { kind: "quietHours"; quietHours: QuietHours | undefined };

type Parsed = { ok: true; change: AlertsChange } | { ok: false; problem: UsageProblem };

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;
const ZONE = /^(?:utc|gmt)?([+-−])(\d{1,2})(?::?([0-5]\d))?$/i;

/**
 * Reads `/alerts` words: nothing (show), `on`, `off`, `min <amount>`, `digest <minutes>`, `instant`,
 * `quiet <HH:MM-HH:MM> [UTC±H[:MM]]`, `quiet off`. Never throws: problems come back worded by code.
 */
export function parseAlertsCommand(words: readonly string[]): Parsed {
  const [setting, ...rest] = words.map((word) => word.toLowerCase());
  const fail = (problem: UsageProblem): Parsed => ({ ok: false, problem });
  const ok = (change: AlertsChange): Parsed => ({ ok: true, change });
  const extra = (count: number) =>
    words.length > count ? fail({ code: "too_many", extra: echo(words.slice(count).join(" ")) }) : undefined;
  switch (setting) {
    case undefined:
      return ok({ kind: "show" });
    case "on":
    case "off":
      return extra(1) ?? ok({ kind: "enabled", enabled: setting === "on" });
    case "instant":
      return extra(1) ?? ok({ kind: "perEvent" });
    case "min": {
      const word = words[1];
      if (word === undefined) return fail({ code: "missing", arg: "amount" });
      if (/^0+(\.0*)?$/.test(word)) return extra(2) ?? ok({ kind: "minAmount", minAmount: 0n }); // every burn again
      const parsed = parseAmountArg(word, "SORA", false);
      if (!parsed.ok) return parsed;
      return (
        extra(2) ??
        ok({ kind: "minAmount", minAmount: parsed.value.kind === "exact" ? parsed.value.raw : 0n })
      );
    }
    case "digest": {
      const word = words[1] ?? "";
      const minutes = /^\d{1,4}$/.test(word) ? Number(word) : Number.NaN;
      if (!(minutes >= 1 && minutes <= MAX_DIGEST_WINDOW_MINUTES))
        return fail({ code: "alerts_minutes", value: echo(word) });
      return extra(2) ?? ok({ kind: "digest", windowMinutes: minutes });
    }
    case "quiet":
      return parseQuiet(rest, words.slice(1));
    default:
      return fail({ code: "alerts_setting", value: echo(words[0] ?? "") });
  }
}

function parseQuiet(lower: readonly string[], original: readonly string[]): Parsed {
  const [range, zone, ...extra] = lower;
  if (range === "off" && zone === undefined)
    return { ok: true, change: { kind: "quietHours", quietHours: undefined } };
  const [from, to, ...more] = (range ?? "").split(/[-–~]/);
  const start = minuteOf(from);
  const end = minuteOf(to);
  if (start === undefined || end === undefined || more.length > 0 || start === end) {
    return { ok: false, problem: { code: "alerts_quiet_hours", value: echo(original[0] ?? "") } };
  }
  const offset = zone === undefined ? 0 : offsetOf(zone);
  if (offset === undefined)
    return { ok: false, problem: { code: "alerts_zone", value: echo(original[1] ?? "") } };
  if (extra.length > 0)
    return { ok: false, problem: { code: "too_many", extra: echo(original.slice(2).join(" ")) } };
  return {
    ok: true,
    change: {
      kind: "quietHours",
      quietHours: { startMinute: start, endMinute: end, utcOffsetMinutes: offset },
    },
  };
}

function minuteOf(text: string | undefined): number | undefined {
  const match = TIME.exec(text ?? "");
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** "UTC+8", "+8", "utc-5:30", "gmt+0530" → minutes east of UTC; real zones span −12:00 to +14:00. */
function offsetOf(text: string): number | undefined {
  const match = ZONE.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  const signed = match[1] === "+" ? minutes : -minutes;
  return signed >= -720 && signed <= 840 ? signed : undefined;
}

/** The settings after a change. */
export function applyAlertsChange(settings: AlertSettings, change: AlertsChange): AlertSettings {
  switch (change.kind) {
    case "show":
      return settings;
    case "enabled":
      return { ...settings, enabled: change.enabled };
    case "minAmount":
      return { ...settings, minAmount: change.minAmount };
    case "digest":
      return { ...settings, mode: "digest", digestWindowMinutes: change.windowMinutes };
    case "perEvent":
      return { ...settings, mode: "perEvent" };
    case "quietHours":
      return { ...settings, quietHours: change.quietHours };
  }
}
