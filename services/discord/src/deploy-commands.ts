import { REST } from "discord.js";
import { createDiscordConfig } from "./config.ts";
import { deployCommands } from "./deployCommands.ts";

/**
 * `npm run discord:deploy`: registers the slash commands, in DISCORD_GUILD_ID's server when set
 * (development), else globally (production). Run it after changing a definition.
 */
async function main() {
  const config = createDiscordConfig(process.env);
  const rest = new REST(config.apiRoot ? { api: config.apiRoot } : {}).setToken(config.token);
  const count = await deployCommands(rest, config);
  const where = config.guildId ? `server ${config.guildId}` : "every server (global)";
  console.log(`Deployed ${count} slash commands to ${where}.`);
}

main().catch((error: unknown) => {
  console.error(`The commands were not deployed:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
