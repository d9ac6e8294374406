import { type SlashCommandSpec, type SlashOptionSpec, slashCommandSpecs } from "@luma-pulse/chat";
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  Locale as DiscordLocale,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { localizationsOf } from "./discordLocales.ts";

function optionOf(spec: SlashOptionSpec): APIApplicationCommandBasicOption {
  const common = {
    name: spec.name,
    description: spec.description.en,
    description_localizations: localizationsOf(spec.description),
    required: spec.required,
  };
  if (spec.kind === "integer") {
    return { ...common, type: ApplicationCommandOptionType.Integer, min_value: spec.minValue };
  }
  if (spec.kind === "choice") {
    return {
      ...common,
      type: ApplicationCommandOptionType.String,
      choices: (spec.choices ?? []).map((choice) => ({ name: choice, value: choice })),
    };
  }
  // Amounts stay strings: "0.5", "1,000" and "max" reach the core's bigint parser exactly.
  return { ...common, type: ApplicationCommandOptionType.String, max_length: 100 };
}

function commandOf(spec: SlashCommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // Required options first: Discord refuses a command whose optional option precedes a required one.
  const options = [...spec.options].sort((a, b) => Number(b.required) - Number(a.required)).map(optionOf);
  return {
    name: spec.name,
    name_localizations: {
      [DiscordLocale.ChineseCN]: spec.nameLocalizations.zh ?? spec.name,
      [DiscordLocale.EnglishUS]: spec.nameLocalizations.en ?? spec.name,
    },
    description: spec.description.en,
    description_localizations: localizationsOf(spec.description),
    options,
    // Everyone may use them, in servers and in the bot's DMs (wallet answers are ephemeral anyway).
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

/**
 * The commands answered by the platform-neutral core (`answerCommand`), as Discord's JSON: built from
 * the same definitions as the handlers (`slashCommandSpecs`), so they cannot drift.
 */
export const chatCommands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] =
  slashCommandSpecs("discord").map(commandOf);
