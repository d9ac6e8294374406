import type { Locale, Localized } from "@luma-pulse/chat";

/** The few sentences only the Discord bot says (moderator tools); the rest come from the chat core. */
export const discordTexts = {
  done: { en: "Done", zh: "完成" },
  moderatorsOnly: {
    en: "Only members with the Manage Server permission can use this here.",
    zh: "只有拥有“管理服务器”权限的成员可以在这里使用此命令。",
  },
  serverOnly: { en: "This command works in a server channel.", zh: "此命令只能在服务器频道中使用。" },
  cannotPost: {
    en: "I cannot post in <#{channel}>: give me View Channel, Send Messages, Embed Links and Attach Files there, or pick another channel.",
    zh: "我无法在 <#{channel}> 发消息：请在该频道授予我“查看频道”“发送消息”“嵌入链接”和“附加文件”权限，或换一个频道。",
  },
  channelGone: {
    en: "That channel no longer exists. Pick another one.",
    zh: "该频道已不存在，请换一个频道。",
  },
  posted: { en: "Posted the stats in <#{channel}>.", zh: "已在 <#{channel}> 发布数据。" },
  live: {
    en: "Stats in <#{channel}> are kept up to date every {minutes} minutes.",
    zh: "<#{channel}> 中的数据将每 {minutes} 分钟更新一次。",
  },
  alertsOff: { en: "Burn alerts are off in <#{channel}>.", zh: "<#{channel}> 的销毁提醒已关闭。" },
  alertsOn: { en: "Burn alerts go to <#{channel}>.", zh: "销毁提醒将发送到 <#{channel}>。" },
} as const satisfies Record<string, Localized>;

/** A Discord text in `locale`, its `{name}` placeholders filled. */
export function discordText(
  locale: Locale,
  key: keyof typeof discordTexts,
  params: Record<string, string | number> = {},
): string {
  return discordTexts[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}
