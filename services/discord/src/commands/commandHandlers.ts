import type { ChatInputCommandInteraction } from "discord.js";
import type { DiscordBotDeps } from "../DiscordBotDeps.ts";
import type { alertsCommand } from "../interactions/alerts.ts";
import type { statsCommand } from "../interactions/stats.ts";
import { alertsHandlers } from "./alerts.ts";
import { chatCommand } from "./chatCommand.ts";
import { type ModeratorHandler, moderatorCommand } from "./moderatorCommand.ts";
import { statsHandlers } from "./stats.ts";

type CommandHandler = (interaction: ChatInputCommandInteraction, deps: DiscordBotDeps) => Promise<void>;

/** Runs the handler of the interaction's subcommand. */
const bySubcommand =
  (handlers: Record<string, ModeratorHandler>): CommandHandler =>
  (interaction, deps) =>
    moderatorCommand(interaction, deps, (i, d, locale) => {
      const handler = handlers[i.options.getSubcommand(true)];
      if (!handler) throw new Error(`no handler for /${i.commandName} ${i.options.getSubcommand()}`);
      return handler(i, d, locale);
    });

/** The bot's own commands, by name; every other command is the chat core's (`chatCommand`). */
const ownCommands: Record<(typeof statsCommand | typeof alertsCommand)["name"], CommandHandler> = {
  stats: bySubcommand(statsHandlers),
  alerts: bySubcommand(alertsHandlers),
};

/** The handler of a slash command, by its (English) name. */
export function commandHandler(name: string): CommandHandler {
  return (ownCommands as Record<string, CommandHandler>)[name] ?? chatCommand;
}
