import type { CommandDefinition, CommandPlatform } from "../commands/CommandDefinition.ts";
import { commandDefinitions } from "../commands/commandDefinitions.ts";
import { usageLine } from "../commands/usageText.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatSection, ChatView } from "./ChatView.ts";

/** /help: every menu command of the platform with its usage, by group. */
export function helpView(locale: Locale, platform: CommandPlatform = "telegram"): ChatView {
  const t = textsFor(locale).help;
  const groups: { group: CommandDefinition["group"]; heading: string }[] = [
    { group: "protocol", heading: t.protocol },
    { group: "wallet", heading: t.wallet },
    { group: "settings", heading: t.settings },
  ];
  const commands: readonly CommandDefinition[] = commandDefinitions;
  const sections: ChatSection[] = groups.map(({ group, heading }) => ({
    heading,
    lines: commands
      .filter((command) => command.group === group && command.inMenu && command.platforms.includes(platform))
      .map((command) => ({ label: usageLine(locale, command), value: command.description[locale] })),
  }));
  return { tone: "info", title: t.title, text: [t.privateNote], sections, buttons: [] };
}
