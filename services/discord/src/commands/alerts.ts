import {
  alertSettingsView,
  applyAlertsChange,
  defaultAlertSettings,
  loadAlertSettings,
  parseAlertsCommand,
  saveAlertSettings,
  usageView,
} from "@luma-pulse/chat";
import { discordText } from "../discordTexts.ts";
import type { AlertsSubcommand } from "../interactions/alerts.ts";
import type { ModeratorHandler } from "./moderatorCommand.ts";

/** /alerts's subcommands, typed from its definition: a missing one is a type error. */
export const alertsHandlers: { [S in AlertsSubcommand]: ModeratorHandler } = {
  /** Subscribes the channel: every burn at once, or from `min-amount` SORA, or as a digest every N minutes. */
  set: async (interaction, deps, locale) => {
    const channelId = interaction.options.getChannel("channel", true).id;
    const minAmount = interaction.options.getString("min-amount")?.trim();
    const digest = interaction.options.getInteger("digest");
    let settings = { ...defaultAlertSettings };
    // The core's /alerts parser checks the values again (Discord's limits can be bypassed).
    const changes = [
      ...(minAmount ? [["min", minAmount]] : []),
      ...(digest !== null ? [["digest", String(digest)]] : []),
    ];
    for (const words of changes) {
      const parsed = parseAlertsCommand(words);
      if (!parsed.ok) return usageView(locale, parsed.problem);
      settings = applyAlertsChange(settings, parsed.change);
    }
    await saveAlertSettings(deps.prisma, {
      platform: "discord",
      chatId: channelId,
      settings,
      locale,
      guildId: interaction.guildId,
    });
    const view = alertSettingsView(locale, settings, true);
    return { ...view, text: [discordText(locale, "alertsOn", { channel: channelId }), ...(view.text ?? [])] };
  },
  /** Unsubscribes the channel, keeping its other settings for when alerts are set again. */
  off: async (interaction, deps, locale) => {
    const channelId = interaction.options.getChannel("channel", true).id;
    const settings = { ...(await loadAlertSettings(deps.prisma, "discord", channelId)), enabled: false };
    await saveAlertSettings(deps.prisma, {
      platform: "discord",
      chatId: channelId,
      settings,
      locale,
      guildId: interaction.guildId,
    });
    const view = alertSettingsView(locale, settings, true);
    return {
      ...view,
      text: [discordText(locale, "alertsOff", { channel: channelId }), ...(view.text ?? [])],
    };
  },
};
