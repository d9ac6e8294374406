import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ArgSpec, CommandDefinition } from "./CommandDefinition.ts";
import type { UsageProblem } from "./UsageProblem.ts";

/** "/stake <amount> <pop|luma>" / "/stake <数量> <pop|luma>": optional arguments in brackets. */
export function usageLine(locale: Locale, definition: Pick<CommandDefinition, "name" | "args">): string {
  const parts = definition.args.map((spec: ArgSpec) => {
    const label = spec.kind === "words" ? `${spec.label[locale]}…` : spec.label[locale];
    return spec.optional ? `[${label}]` : `<${label}>`;
  });
  return [`/${definition.name}`, ...parts].join(" ");
}

/** One sentence saying what is wrong with the command as written. */
export function usageProblemText(
  locale: Locale,
  problem: UsageProblem,
  definition?: Pick<CommandDefinition, "args">,
): string {
  const texts = textsFor(locale);
  switch (problem.code) {
    case "unknown_command":
      return texts.usage.unknownCommand({ name: problem.name });
    case "other_bot":
      return texts.usage.otherBot({ bot: problem.bot });
    case "too_long":
      return texts.usage.tooLong({ max: problem.max });
    case "missing": {
      const spec = definition?.args.find((arg) => arg.name === problem.arg);
      return texts.usage.missing({ name: spec ? spec.noun[locale] : problem.arg });
    }
    case "too_many":
      return texts.usage.tooMany({ extra: problem.extra });
    case "amount":
      return texts.usage.amount[problem.reason](problem);
    case "choice":
      return texts.usage.choice({ value: problem.value, choices: problem.choices.join(", ") });
    case "address":
      return texts.usage.address({ value: problem.value });
    case "position":
      return texts.usage.position({ value: problem.value });
    case "alerts_setting":
      return texts.alerts.badSetting({ value: problem.value });
    case "alerts_minutes":
      return texts.alerts.badMinutes({ value: problem.value });
    case "alerts_quiet_hours":
      return texts.alerts.badQuietHours({ value: problem.value });
    case "alerts_zone":
      return texts.alerts.badZone({ value: problem.value });
  }
}
