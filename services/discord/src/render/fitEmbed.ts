import type { APIEmbed } from "discord.js";
import { clip, EMBED_LIMITS } from "./embedLimits.ts";

const fieldsLength = (embed: APIEmbed) =>
  (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);

const textLength = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  fieldsLength(embed);

/**
 * The embed within Discord's 6,000 characters in all (a longer one is refused whole): the last
 * fields go first, then the description is shortened. Title and footer (freshness) always stay.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = [...(embed.fields ?? [])];
  const fitted = { ...embed, fields };
  while (textLength(fitted) > EMBED_LIMITS.total && fields.length > 0) fields.pop();
  const over = textLength(fitted) - EMBED_LIMITS.total;
  if (over > 0 && fitted.description)
    fitted.description = clip(fitted.description, fitted.description.length - over);
  return fitted;
}
