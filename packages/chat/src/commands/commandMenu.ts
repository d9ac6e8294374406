import type { Locale } from "../i18n/Locale.ts";
import type { ArgSpec, CommandDefinition, CommandPlatform } from "./CommandDefinition.ts";
import { commandDefinitions } from "./commandDefinitions.ts";

/** One menu entry as Telegram's setMyCommands takes it. */
export type MenuCommand = { command: string; description: string };

/**
 * The command menu for one language and one kind of chat (Telegram: setMyCommands with
 * `language_code` and a scope per chat kind). Groups list what works there; admins also get theirs.
 */
export function commandMenu(
  locale: Locale,
  audience: { chat: "private" | "group"; admin: boolean },
  platform: CommandPlatform = "telegram",
): MenuCommand[] {
  const definitions: readonly CommandDefinition[] = commandDefinitions;
  return definitions
    .filter((d) => d.inMenu && d.platforms.includes(platform))
    .filter((d) => audience.chat === "private" || d.scope === "any")
    .filter((d) => !d.adminOnly || audience.admin || audience.chat === "private")
    .map((d) => ({ command: d.name, description: d.description[locale] }));
}

/** A slash-command option, platform-neutral: Discord's bot maps it to its option JSON. */
export type SlashOptionSpec = {
  name: string;
  kind: "number_text" | "choice" | "text" | "integer";
  required: boolean;
  description: Readonly<Record<Locale, string>>;
  choices?: readonly string[];
  minValue?: number;
};

/** A slash command, platform-neutral: names (Discord spells "_" as "-"), localized names and descriptions, options. */
export type SlashCommandSpec = {
  name: string;
  nameLocalizations: Partial<Record<Locale, string>>;
  description: Readonly<Record<Locale, string>>;
  options: SlashOptionSpec[];
  privateOnly: boolean;
};

const optionOf = (spec: ArgSpec): SlashOptionSpec => ({
  name: spec.name,
  // Amounts stay text: "0.5", "1,000" and "max" must reach the parser exactly, never as a float.
  kind:
    spec.kind === "choice"
      ? "choice"
      : spec.kind === "position"
        ? "integer"
        : spec.kind === "amount"
          ? "number_text"
          : "text",
  required: !spec.optional,
  description: spec.description,
  ...(spec.kind === "choice" ? { choices: spec.choices } : {}),
  ...(spec.kind === "position" ? { minValue: 0 } : {}),
});

/** The slash commands of a platform (Discord), from the same definitions as the handlers. */
export function slashCommandSpecs(platform: CommandPlatform = "discord"): SlashCommandSpec[] {
  const definitions: readonly CommandDefinition[] = commandDefinitions;
  return definitions
    .filter((d) => d.platforms.includes(platform))
    .map((d) => ({
      name: d.name.replaceAll("_", "-"),
      nameLocalizations: d.localizedName ?? {},
      description: d.description,
      options: d.args.map(optionOf),
      privateOnly: d.scope === "private",
    }));
}
