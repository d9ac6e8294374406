import type { ChatView } from "@luma-pulse/chat";
import { type REST, Routes } from "discord.js";
import { type DiscordErrorOutcome, discordErrorOutcome } from "../delivery/discordErrorOutcome.ts";
import { channelMessageBody } from "../render/channelMessageBody.ts";
import { renderView } from "../render/renderView.ts";

/** Posts `view` to a channel; resolves with the message id or how it failed (never throws for Discord's answers). */
export async function postToChannel(
  rest: REST,
  channelId: string,
  view: ChatView,
): Promise<{ kind: "posted"; messageId: string } | DiscordErrorOutcome> {
  try {
    const message = (await rest.post(
      Routes.channelMessages(channelId),
      channelMessageBody(renderView(view)),
    )) as {
      id: string;
    };
    return { kind: "posted", messageId: message.id };
  } catch (error) {
    return discordErrorOutcome(error);
  }
}
