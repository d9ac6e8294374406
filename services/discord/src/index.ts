/**
 * @luma-pulse/discord: the Discord bot. `startDiscordBot` runs all of it (used by `npm start`);
 * the pieces are exported for tests and other entry points.
 */
export { type CreateDiscordBotOptions, createDiscordBot, type DiscordBot } from "./client.ts";
export { createDiscordConfig, type DiscordConfig } from "./config.ts";
export { createAlertRest } from "./delivery/createAlertRest.ts";
export { createDiscordEditor } from "./delivery/createDiscordEditor.ts";
export { createDiscordSender, messageNonce } from "./delivery/createDiscordSender.ts";
export { discordRateLimits } from "./delivery/discordRateLimits.ts";
export { deployCommands } from "./deployCommands.ts";
export { applicationCommands } from "./interactions/applicationCommands.ts";
export { type RunningDiscordBot, startDiscordBot } from "./startDiscordBot.ts";
