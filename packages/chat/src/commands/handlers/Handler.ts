import type { ChatView } from "../../views/ChatView.ts";
import type { CommandContext, CommandReply } from "../CommandContext.ts";
import type { CommandName, commandDefinitions } from "../commandDefinitions.ts";
import type { ArgsOf } from "../parseArguments.ts";

/** The parsed arguments of command `N`, typed from its definition. */
export type CommandArgs<N extends CommandName> = ArgsOf<
  Extract<(typeof commandDefinitions)[number], { name: N }>
>;

/** A command's logic: context and parsed arguments in, a reply (view + what the bot should do) out. */
export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  args: CommandArgs<N>,
) => Promise<CommandReply>;

/** A plain view reply. */
export const viewReply = (view: ChatView): CommandReply => ({ kind: "view", view });
