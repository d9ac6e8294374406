import { echo } from "./UsageProblem.ts";

/** What a chat message says as a command, before its arguments are read. */
export type CommandText =
  /** Not a command at all: a bot ignores it (or treats it as conversation). */
  | { kind: "not_command" }
  /** `/cmd@otherbot`: addressed to another bot in the chat; not ours to answer in a group. */
  | { kind: "other_bot"; bot: string }
  /**
   * Longer than any command of ours can be. `name` and `mentioned` as for a command, so that a group's
   * long command for another bot (`/ban <a long reason>`) is not answered.
   */
  | { kind: "too_long"; max: number; name: string; mentioned: boolean }
  /** `mentioned`: written as /cmd@ourbot, so surely meant for us. */
  | { kind: "command"; name: string; args: string[]; mentioned: boolean };

/** No command of ours needs more: the longest is an alerts setting or an address. */
export const MAX_COMMAND_LENGTH = 300;

// Any first word after "/" is a command name: "/质押" is an unknown command to answer, not chatter.
const COMMAND = /^\/([^\s@\u3000]+)(?:@(\S+))?(?:[\s\u3000]+([\s\S]*))?$/u;
/** The first word alone: read whatever the length, to tell whose command a long message is. */
const HEAD = /^\/([^\s@\u3000]+)(?:@(\S+))?/u;

/**
 * Splits a chat message like `/stake@pulse_bot 100 luma` into a command name (lowercase) and its
 * arguments (split on any whitespace, the ideographic space included). `botUsername` (without "@")
 * decides whether a `@mention` is ours.
 */
export function parseCommandText(text: string, options: { botUsername?: string } = {}): CommandText {
  const trimmed = text.trim();
  if (!trimmed.startsWith("/")) return { kind: "not_command" };
  // Whose command it is comes first: another bot's long command is that bot's business.
  const [, head = "", to] = HEAD.exec(trimmed) ?? [];
  if (to !== undefined && to.toLowerCase() !== options.botUsername?.toLowerCase()) {
    return { kind: "other_bot", bot: echo(to) };
  }
  if (trimmed.length > MAX_COMMAND_LENGTH) {
    return {
      kind: "too_long",
      max: MAX_COMMAND_LENGTH,
      name: echo(head.toLowerCase()),
      mentioned: to !== undefined,
    };
  }
  const match = COMMAND.exec(trimmed);
  if (!match) return { kind: "not_command" };
  // Its first word is HEAD's, so the mention was checked above.
  const [, name = "", bot, rest = ""] = match;
  const args = rest.split(/[\s\u3000]+/u).filter((word) => word !== "");
  return { kind: "command", name: echo(name.toLowerCase()), args, mentioned: bot !== undefined };
}
