import { discordText } from "../discordTexts.ts";
import type { StatsSubcommand } from "../interactions/stats.ts";
import { noticeView } from "../render/noticeView.ts";
import { channelRefusal } from "./channelRefusal.ts";
import type { ModeratorHandler } from "./moderatorCommand.ts";
import { postToChannel } from "./postToChannel.ts";
import { statsMessage } from "./statsMessage.ts";

/**
 * Posts the stats in the chosen channel. `posted` is undefined when the gateway could not answer
 * (the moderator gets `stats.view`, its error, instead).
 */
async function post(...[interaction, deps, locale]: Parameters<ModeratorHandler>) {
  const channelId = interaction.options.getChannel("channel", true).id;
  const stats = await statsMessage(deps, locale);
  const posted = stats.ok ? await postToChannel(interaction.client.rest, channelId, stats.view) : undefined;
  return { stats, channelId, posted };
}

/** /stats's subcommands, typed from its definition: a missing one is a type error. */
export const statsHandlers: { [S in StatsSubcommand]: ModeratorHandler } = {
  post: async (interaction, deps, locale) => {
    const { stats, channelId, posted } = await post(interaction, deps, locale);
    if (!posted) return stats.view;
    if (posted.kind !== "posted") return channelRefusal(locale, channelId, posted);
    return noticeView(
      "success",
      discordText(locale, "done"),
      discordText(locale, "posted", { channel: channelId }),
    );
  },
  live: async (interaction, deps, locale) => {
    const { stats, channelId, posted } = await post(interaction, deps, locale);
    if (!posted) return stats.view;
    if (posted.kind !== "posted") return channelRefusal(locale, channelId, posted);
    const intervalMinutes = interaction.options.getInteger("interval", true);
    await deps.liveStats?.set({
      guildId: interaction.guildId,
      channelId,
      messageId: posted.messageId,
      intervalMinutes,
      locale,
    });
    const sentence = discordText(locale, "live", { channel: channelId, minutes: intervalMinutes });
    return noticeView("success", discordText(locale, "done"), sentence);
  },
};
