import type { CommandContext, Locale } from "@luma-pulse/chat";
import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { DiscordBotDeps } from "../DiscordBotDeps.ts";

/** Whether the member may use moderator tools here: Manage Server in this channel, as Discord computed it. */
export function isModerator(interaction: ChatInputCommandInteraction): boolean {
  return interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
}

/**
 * The chat core's context for an interaction. `private`: the answer is ephemeral or in the bot's DM,
 * so only the member sees it (wallet answers); an admin is a moderator, or anyone in a DM.
 */
export function commandContext(
  interaction: ChatInputCommandInteraction,
  deps: DiscordBotDeps,
  locale: Locale,
  privately: boolean,
): CommandContext {
  return {
    gateway: deps.gateway,
    platform: "discord",
    locale,
    user: { platform: "DISCORD", userId: interaction.user.id },
    chat: {
      kind: privately || !interaction.inGuild() ? "private" : "group",
      isAdmin: !interaction.inGuild() || isModerator(interaction),
    },
    now: new Date(),
    charts: true,
    explorer: deps.explorer,
  };
}
