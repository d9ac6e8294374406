import { answerCommand, findCommand, slashCommandSpecs, trackIntentMessage } from "@luma-pulse/chat";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { DiscordBotDeps } from "../DiscordBotDeps.ts";
import { replyPayload } from "../render/replyPayload.ts";
import { commandContext } from "./commandContext.ts";
import { interactionLocale } from "./interactionLocale.ts";

/** Each core command's option names, in the order its arguments are read. */
const optionOrder = new Map(
  slashCommandSpecs("discord").map((spec) => [spec.name, spec.options.map((o) => o.name)]),
);

/** The options as the words the core parses (and validates again: Discord's checks can be bypassed). */
function wordsOf(interaction: ChatInputCommandInteraction): string[] {
  const words: string[] = [];
  for (const name of optionOrder.get(interaction.commandName) ?? []) {
    const value = interaction.options.get(name)?.value;
    // Positional: an absent option ends the list (only trailing options are optional).
    if (value === undefined) break;
    words.push(String(value).trim());
  }
  return words;
}

/**
 * A command the chat core answers (/yields … /unlink). Acknowledged at once (the gateway may take
 * longer than Discord's 3 s), then edited with the answer: wallet commands ephemerally, so only the
 * member sees their positions, codes and signing links. A signing plan's reply is followed and
 * edited through the interaction's token when the intent settles.
 */
export async function chatCommand(
  interaction: ChatInputCommandInteraction,
  deps: DiscordBotDeps,
): Promise<void> {
  const privately = findCommand(interaction.commandName)?.scope === "private";
  await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  const locale = await interactionLocale(interaction, deps.prisma);
  const ctx = commandContext(interaction, deps, locale, privately);
  const reply = await answerCommand(ctx, interaction.commandName, wordsOf(interaction));
  const message = await interaction.editReply(replyPayload(reply.view));
  if (reply.kind === "intent") {
    await trackIntentMessage(deps.prisma, {
      platform: "discord",
      chatId: interaction.channelId ?? interaction.user.id,
      messageId: message.id,
      intentId: reply.intentId,
      locale,
      editToken: interaction.token,
    });
  }
}
