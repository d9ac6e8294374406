import type { CommandDefinition } from "../commands/CommandDefinition.ts";
import type { UsageProblem } from "../commands/UsageProblem.ts";
import { usageLine, usageProblemText } from "../commands/usageText.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** A command that could not be read: what is wrong, and the right usage (with "max" where it works). */
export function usageView(
  locale: Locale,
  problem: UsageProblem,
  definition?: Pick<CommandDefinition, "name" | "args">,
): ChatView {
  const t = textsFor(locale).usage;
  const text = [usageProblemText(locale, problem, definition)];
  if (definition) {
    const allowsMax = definition.args.some((arg) => arg.kind === "amount" && arg.allowMax);
    const usage = t.usage({ usage: usageLine(locale, definition) });
    text.push(allowsMax ? `${usage} (${t.maxAllowed})` : usage);
  }
  return { tone: "warning", title: t.title, text, sections: [], buttons: [] };
}
