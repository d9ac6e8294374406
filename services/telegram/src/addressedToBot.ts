import { findCommand, parseCommandText } from "@luma-pulse/chat";
import type { Context } from "grammy";

/**
 * Whether the bot answers this update: any message in a private chat; in a group, only a command
 * of ours (known, or written /cmd@ourbot). The group's chatter, service messages and other bots'
 * commands cost no database query and never get a reply, not even when something fails.
 */
export function addressedToBot(ctx: Context): boolean {
  if (!ctx.message || !ctx.chat) return false;
  if (ctx.chat.type === "private") return true;
  const text = ctx.message.text;
  if (text === undefined) return false;
  const command = parseCommandText(text, { botUsername: ctx.me.username });
  if (command.kind === "too_long") return true;
  return command.kind === "command" && (command.mentioned || findCommand(command.name) !== undefined);
}
