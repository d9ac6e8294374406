import { alertsCommand } from "./alerts.ts";
import type { ChatInputCommandJson } from "./ChatInputCommandJson.ts";
import { chatCommands } from "./chatCommands.ts";
import { statsCommand } from "./stats.ts";

/** Every slash command of the bot, as `PUT /applications/<id>/commands` takes them. */
export const applicationCommands: readonly ChatInputCommandJson[] = [
  ...chatCommands,
  statsCommand,
  alertsCommand,
];
