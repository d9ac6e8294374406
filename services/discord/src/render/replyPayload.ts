import type { ChatView } from "@luma-pulse/chat";
import type { InteractionEditReplyOptions } from "discord.js";
import { renderView } from "./renderView.ts";

/**
 * A view as an interaction's (deferred) reply: the embed, its link buttons, and the chart attached
 * under the file name the embed's image points at. `attachments: []` drops a previous reply's files.
 */
export function replyPayload(view: ChatView): InteractionEditReplyOptions {
  const rendered = renderView(view);
  return {
    embeds: rendered.embeds,
    components: rendered.components,
    files: rendered.files.map((file) => ({ attachment: file.data, name: file.name })),
    ...(rendered.files.length === 0 ? { attachments: [] } : {}),
  };
}
