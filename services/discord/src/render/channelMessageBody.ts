import type { RequestData } from "discord.js";
import type { RenderedView } from "./renderView.ts";

/**
 * A rendered view as the REST request that posts or edits a channel message: the files as
 * `files[n]` parts, and `attachments` naming exactly them, so an edit replaces the old chart.
 */
export function channelMessageBody(rendered: RenderedView, extra: Record<string, unknown> = {}): RequestData {
  return {
    body: {
      embeds: rendered.embeds,
      components: rendered.components,
      attachments: rendered.files.map((file, id) => ({ id, filename: file.name })),
      ...extra,
    },
    files: rendered.files.map((file) => ({ name: file.name, data: file.data, contentType: "image/png" })),
  };
}
