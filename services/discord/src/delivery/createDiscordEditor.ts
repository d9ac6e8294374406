import type { MessageEditor } from "@luma-pulse/chat";
import { DiscordAPIError, type REST, Routes } from "discord.js";
import { channelMessageBody } from "../render/channelMessageBody.ts";
import { renderView } from "../render/renderView.ts";

/**
 * Codes of an edit that can never succeed: Unknown Message, Unknown Webhook, an expired interaction
 * token (Invalid Webhook Token), and the channel or access gone.
 */
const GONE_CODES = new Set([10003, 10008, 10015, 50001, 50013, 50027]);

/**
 * Edits a signing plan's reply when its intent settles: through the interaction's webhook
 * (`PATCH /webhooks/<app>/<token>/messages/@original`, the only way to edit an ephemeral reply,
 * for the token's 15 minutes), or as a channel message when there is no token.
 */
export function createDiscordEditor(rest: REST, applicationId: string): MessageEditor {
  return async ({ chatId, messageId, editToken }, view) => {
    const route = editToken
      ? Routes.webhookMessage(applicationId, editToken, "@original")
      : Routes.channelMessage(chatId, messageId);
    try {
      await rest.patch(route, { ...channelMessageBody(renderView(view)), auth: !editToken });
      return "edited";
    } catch (error) {
      if (!(error instanceof DiscordAPIError)) return "failed";
      if (typeof error.code === "number" && GONE_CODES.has(error.code)) return "gone";
      return error.status === 401 || error.status === 404 ? "gone" : "failed";
    }
  };
}
