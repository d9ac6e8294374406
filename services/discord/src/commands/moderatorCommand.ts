import { type ChatView, type Locale, localeOf, textsFor } from "@luma-pulse/chat";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { DiscordBotDeps } from "../DiscordBotDeps.ts";
import { discordText } from "../discordTexts.ts";
import { noticeView } from "../render/noticeView.ts";
import { renderView } from "../render/renderView.ts";
import { replyPayload } from "../render/replyPayload.ts";
import { isModerator } from "./commandContext.ts";
import { interactionLocale } from "./interactionLocale.ts";

/** A moderator tool's handler: the interaction (already acknowledged), its answer as a view. */
export type ModeratorHandler = (
  interaction: ChatInputCommandInteraction<"cached" | "raw">,
  deps: DiscordBotDeps,
  locale: Locale,
) => Promise<ChatView>;

/**
 * Runs a moderator tool (/stats, /alerts) for members with Manage Server in the channel, checked
 * here again: `default_member_permissions` only hides the command, and a server's admins can
 * override it for any role or member. Everyone else gets an ephemeral refusal.
 */
export async function moderatorCommand(
  interaction: ChatInputCommandInteraction,
  deps: DiscordBotDeps,
  handler: ModeratorHandler,
): Promise<void> {
  if (!interaction.inGuild() || !isModerator(interaction)) {
    const locale = localeOf(interaction.locale);
    const key = interaction.inGuild() ? "moderatorsOnly" : "serverOnly";
    const view = noticeView("warning", textsFor(locale).errors.title, discordText(locale, key));
    await interaction.reply({ embeds: renderView(view).embeds, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const locale = await interactionLocale(interaction, deps.prisma);
  await interaction.editReply(replyPayload(await handler(interaction, deps, locale)));
}
