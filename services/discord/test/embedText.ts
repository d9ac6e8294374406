import type { StoredMessage } from "../../../test/helpers/discord/startDiscordApiStandIn.ts";

type Embed = {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  timestamp?: string;
  image?: { url: string };
  color?: number;
};

/** A message's first embed. */
export const embedOf = (message: StoredMessage | undefined): Embed =>
  ((message?.body.embeds as Embed[] | undefined) ?? [])[0] ?? {};

/** What a member reads in a message's embed, one line per part: title, description, fields, footer. */
export function embedText(message: StoredMessage | undefined): string {
  const embed = embedOf(message);
  return [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text,
  ]
    .filter((part): part is string => part !== undefined)
    .join("\n");
}

/** A message's link buttons. */
export function buttonsOf(message: StoredMessage | undefined): { label: string; url: string }[] {
  const rows =
    (message?.body.components as { components: { label: string; url: string }[] }[] | undefined) ?? [];
  return rows.flatMap((row) => row.components.map(({ label, url }) => ({ label, url })));
}
