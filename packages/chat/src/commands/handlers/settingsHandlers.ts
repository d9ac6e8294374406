import { defaultAlertSettings } from "../../alerts/AlertSettings.ts";
import { alertSettingsView } from "../../alerts/alertSettingsView.ts";
import { applyAlertsChange, parseAlertsCommand } from "../../alerts/alertsCommand.ts";
import { langView } from "../../views/settingsViews.ts";
import { startView } from "../../views/startView.ts";
import { usageView } from "../../views/usageView.ts";
import { findCommand } from "../commandDefinitions.ts";
import { decodeStartPayload } from "../startPayload.ts";
import { type Handler, viewReply } from "./Handler.ts";

/** /lang [en|zh]: without a language, which one is in use. */
export const lang: Handler<"lang"> = async (ctx, args) => {
  if (!args.language) return viewReply(langView(ctx.locale, false));
  return { kind: "set_locale", locale: args.language, view: langView(args.language, true) };
};

/** /alerts [setting]: the chat's burn alerts, or a change to them (admins only, checked before). */
export const alerts: Handler<"alerts"> = async (ctx, args) => {
  const current = ctx.alertSettings ?? defaultAlertSettings;
  const parsed = parseAlertsCommand(args.settings);
  if (!parsed.ok) return viewReply(usageView(ctx.locale, parsed.problem, findCommand("alerts")));
  if (parsed.change.kind === "show") return viewReply(alertSettingsView(ctx.locale, current, false));
  const settings = applyAlertsChange(current, parsed.change);
  return { kind: "set_alerts", settings, view: alertSettingsView(ctx.locale, settings, true) };
};

/**
 * /start [payload]: the welcome; a payload from a group's "continue in private chat" button carries
 * the command to run here (see `encodeStartPayload`). `answer` runs it as if typed.
 */
export const startWith =
  (answer: (name: string, words: string[]) => ReturnType<Handler<"start">>): Handler<"start"> =>
  async (ctx, args) => {
    const payload = args.payload[0];
    const command = payload !== undefined ? decodeStartPayload(payload) : undefined;
    if (command && ctx.chat.kind === "private") return answer(command.name, command.args);
    return viewReply(startView(ctx.locale));
  };
