import { GatewayError } from "../gateway/GatewayError.ts";
import { errorView } from "../views/errorView.ts";
import { adminOnlyView, privateOnlyView } from "../views/settingsViews.ts";
import { usageView } from "../views/usageView.ts";
import type { CommandContext, CommandReply } from "./CommandContext.ts";
import { type CommandName, findCommand } from "./commandDefinitions.ts";
import { buySora, claim, release, sellSora, stake, unstake } from "./handlers/actionHandlers.ts";
import type { Handler } from "./handlers/Handler.ts";
import { burns, help, price, sora, yields } from "./handlers/readHandlers.ts";
import { alerts, lang, startWith } from "./handlers/settingsHandlers.ts";
import { link, position, unlink } from "./handlers/walletHandlers.ts";
import { parseArguments } from "./parseArguments.ts";
import { type CommandText, parseCommandText } from "./parseCommandText.ts";
import { encodeStartPayload } from "./startPayload.ts";

/** Every command's handler, by name: a missing one is a type error, and there is no string matching. */
const handlers: { [N in CommandName]: Handler<N> } = {
  start: (ctx, args) => startWith((name, words) => answerCommand(ctx, name, words))(ctx, args),
  help,
  yields,
  sora,
  burns,
  price,
  position,
  stake,
  unstake,
  claim,
  release,
  buy_sora: buySora,
  sell_sora: sellSora,
  link,
  unlink,
  lang,
  alerts,
};

/**
 * Answers a command (name and words as written): unknown command, wrong chat, not an admin, bad
 * arguments and gateway errors all become short localized views. Only bugs throw, for the bot's
 * error boundary to log and mask.
 */
export async function answerCommand(
  ctx: CommandContext,
  name: string,
  words: string[],
): Promise<CommandReply> {
  const definition = findCommand(name);
  if (!definition || !(definition.platforms as readonly string[]).includes(ctx.platform)) {
    return { kind: "view", view: usageView(ctx.locale, { code: "unknown_command", name }) };
  }
  if (definition.scope === "private" && ctx.chat.kind !== "private") {
    return {
      kind: "private_only",
      view: privateOnlyView(ctx.locale),
      startPayload: encodeStartPayload(definition.name, words),
    };
  }
  if (definition.adminOnly && !ctx.chat.isAdmin) return { kind: "view", view: adminOnlyView(ctx.locale) };
  const parsed = parseArguments(definition, words);
  if (!parsed.ok) return { kind: "view", view: usageView(ctx.locale, parsed.problem, definition) };
  try {
    // The definition and its parsed arguments belong to the same name: the map keeps them in step.
    const handler = handlers[definition.name] as Handler<CommandName>;
    return await handler(ctx, parsed.args as never);
  } catch (error) {
    if (error instanceof GatewayError) return { kind: "view", view: errorView(ctx.locale, error) };
    throw error;
  }
}

/**
 * Answers a chat message that may be a command (`/stake@pulse_bot 100 luma`). Undefined when there
 * is nothing to answer: not a command, or a group command addressed to another bot.
 */
export async function answerText(
  ctx: CommandContext,
  text: string,
  options: { botUsername?: string } = {},
): Promise<CommandReply | undefined> {
  const command: CommandText = parseCommandText(text, options);
  switch (command.kind) {
    case "not_command":
      return undefined;
    case "other_bot":
      // In a group it is another bot's to answer; in a private chat, say it is not ours.
      return ctx.chat.kind === "group"
        ? undefined
        : {
            kind: "view",
            view: usageView(ctx.locale, { code: "other_bot", bot: command.bot }),
          };
    case "too_long":
      if (!meantForUs(ctx, command)) return undefined;
      return { kind: "view", view: usageView(ctx.locale, { code: "too_long", max: command.max }) };
    case "command":
      if (!meantForUs(ctx, command)) return undefined;
      return answerCommand(ctx, command.name, command.args);
  }
}

/**
 * A group's "/ban" may be for a moderation bot: a command there is answered only when it is one of
 * ours or addressed to us (`/ban@ourbot`).
 */
const meantForUs = (ctx: CommandContext, command: { name: string; mentioned: boolean }) =>
  ctx.chat.kind !== "group" || command.mentioned || findCommand(command.name) !== undefined;
