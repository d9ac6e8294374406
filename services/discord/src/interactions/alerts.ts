import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord.js";
import type { ChatInputCommandJson } from "./ChatInputCommandJson.ts";
import { localizationsOf } from "./discordLocales.ts";

const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: "channel",
  description: "The channel that gets the alerts",
  description_localizations: localizationsOf({
    en: "The channel that gets the alerts",
    zh: "接收提醒的频道",
  }),
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  required: true,
} as const;

/** /alerts set|off: moderators choose which channels get SORA burn alerts. */
export const alertsCommand = {
  name: "alerts",
  name_localizations: localizationsOf({ en: "alerts", zh: "销毁提醒" }),
  description: "SORA burn alerts in a channel (moderators)",
  description_localizations: localizationsOf({
    en: "SORA burn alerts in a channel (moderators)",
    zh: "频道内的 SORA 销毁提醒（管理员）",
  }),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "set",
      description: "Send burn alerts to a channel",
      description_localizations: localizationsOf({
        en: "Send burn alerts to a channel",
        zh: "向频道发送销毁提醒",
      }),
      options: [
        channelOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "min-amount",
          description: "Smallest burn alerted, in SORA (0: every burn)",
          description_localizations: localizationsOf({
            en: "Smallest burn alerted, in SORA (0: every burn)",
            zh: "提醒的最小销毁量（SORA，0 表示全部）",
          }),
          // Text, not a number: token amounts are parsed exactly (bigint), never as floats.
          max_length: 100,
          required: false,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "digest",
          description: "One summary every N minutes instead of each burn",
          description_localizations: localizationsOf({
            en: "One summary every N minutes instead of each burn",
            zh: "每 N 分钟汇总一次，而不是逐条提醒",
          }),
          min_value: 5,
          max_value: 1_440,
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "off",
      description: "Stop burn alerts in a channel",
      description_localizations: localizationsOf({
        en: "Stop burn alerts in a channel",
        zh: "停止频道内的销毁提醒",
      }),
      options: [channelOption],
    },
  ],
} as const satisfies ChatInputCommandJson;

/** The subcommands of /alerts, by name: the handlers' map is typed from them. */
export type AlertsSubcommand = (typeof alertsCommand)["options"][number]["name"];
