import type { TokenSymbol } from "@luma-pulse/protocol";
import type { Locale } from "../i18n/Locale.ts";

/** A text in every language. */
export type Localized = Readonly<Record<Locale, string>>;

type ArgBase = {
  /** The argument's key in the parsed arguments, and its Discord option name. */
  name: string;
  /** How usage lines name it: `<amount>` / `<数量>`. */
  label: Localized;
  /** What a sentence calls it: "The amount is missing." */
  noun: Localized;
  /** One line for Discord's option description (at most 100 characters). */
  description: Localized;
  optional?: boolean;
};

/** One positional argument of a command. */
export type ArgSpec =
  | (ArgBase & {
      kind: "amount";
      /** The token the amount is of; `symbolFrom` names a choice argument that picks it instead. */
      symbol: TokenSymbol;
      symbolFrom?: string;
      /** Whether "max" (all of it) is accepted. */
      allowMax: boolean;
    })
  | (ArgBase & { kind: "choice"; choices: readonly string[] })
  | (ArgBase & { kind: "address" })
  | (ArgBase & { kind: "position" })
  /** The rest of the line as words, parsed by the command itself (/alerts settings, /start payload). */
  | (ArgBase & { kind: "words"; optional: true });

/** Where a command is offered: Telegram's menu, Discord's slash commands. */
export type CommandPlatform = "telegram" | "discord";

/**
 * A command as data: the handlers, the usage lines, /help and both bots' menus come from the one list
 * of these (`commandDefinitions`), so they cannot drift apart.
 */
export type CommandDefinition = {
  /** Lowercase a–z, digits and "_" (Telegram's rule); Discord spells "_" as "-". */
  name: string;
  /** Discord's localized command name (`name_localizations`), where it differs from `name`. */
  localizedName?: Partial<Localized>;
  /** The menu line (Telegram: at most 256 characters; Discord: at most 100). */
  description: Localized;
  args: readonly ArgSpec[];
  /** /help's section. */
  group: "protocol" | "wallet" | "settings";
  /** `private`: wallet matters; a group gets a link to continue in the private chat. */
  scope: "any" | "private";
  /** Only the chat's admins (in a private chat: the user). */
  adminOnly: boolean;
  platforms: readonly CommandPlatform[];
  /** Listed in the command menus (/start is not: Telegram sends it by itself). */
  inMenu: boolean;
};
