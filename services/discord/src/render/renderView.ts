import type { ChatView } from "@luma-pulse/chat";
import {
  type APIActionRowComponent,
  type APIButtonComponentWithURL,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from "discord.js";
import { clip, EMBED_LIMITS } from "./embedLimits.ts";
import { fitEmbed } from "./fitEmbed.ts";
import { sectionFields } from "./sectionFields.ts";

/** A view as a Discord message: one embed, link-button rows, and the chart PNG the embed shows. */
export type RenderedView = {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithURL>[];
  files: { name: string; data: Buffer }[];
};

const COLOURS: Record<ChatView["tone"], number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
};

/**
 * Renders a view as an embed: title, sentences as the description, sections as fields, the
 * freshness line as the footer with the block's time as the timestamp, the tone as the colour,
 * the chart as an attached image; buttons as link buttons, five to a row. Every text is escaped
 * and clipped to Discord's limits, the embed's 6,000 characters in all included.
 */
export function renderView(view: ChatView): RenderedView {
  const description = view.text?.length
    ? clip(view.text.map((sentence) => escapeMarkdown(sentence)).join("\n"), EMBED_LIMITS.description)
    : undefined;
  const embed: APIEmbed = {
    title: clip(view.title, EMBED_LIMITS.title),
    color: COLOURS[view.tone],
    ...(description ? { description } : {}),
    fields: view.sections.flatMap(sectionFields).slice(0, EMBED_LIMITS.fields),
    ...(view.footer ? { footer: { text: clip(view.footer, EMBED_LIMITS.footer) } } : {}),
    ...(view.asOf ? { timestamp: view.asOf.time.toISOString() } : {}),
    ...(view.chart ? { image: { url: `attachment://${view.chart.fileName}` } } : {}),
  };
  const buttons: APIButtonComponentWithURL[] = view.buttons.map((button) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Link,
    label: clip(button.label, EMBED_LIMITS.buttonLabel),
    url: button.url,
  }));
  const components: RenderedView["components"] = [];
  for (
    let i = 0;
    i < buttons.length && components.length < EMBED_LIMITS.rows;
    i += EMBED_LIMITS.buttonsPerRow
  ) {
    components.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + EMBED_LIMITS.buttonsPerRow),
    });
  }
  const files = view.chart ? [{ name: view.chart.fileName, data: view.chart.png }] : [];
  return { embeds: [fitEmbed(embed)], components, files };
}
