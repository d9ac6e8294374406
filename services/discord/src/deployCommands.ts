import { type REST, Routes } from "discord.js";
import { applicationCommands } from "./interactions/applicationCommands.ts";

/**
 * Replaces the application's slash commands with {@link applicationCommands} (one bulk-overwrite
 * PUT): in one server when `guildId` is given (development: at once), globally otherwise.
 * @returns how many commands Discord now has there
 */
export async function deployCommands(
  rest: REST,
  target: { applicationId: string; guildId?: string },
): Promise<number> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const deployed = (await rest.put(route, { body: applicationCommands })) as unknown[];
  return deployed.length;
}
