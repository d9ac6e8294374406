import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord.js";
import type { ChatInputCommandJson } from "./ChatInputCommandJson.ts";
import { localizationsOf } from "./discordLocales.ts";

/** Channels a stats embed can go to. */
const TEXT_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** Every N minutes, from 5 (Discord's edit limits and the gateway's cache) to a day. */
export const LIVE_INTERVAL_MINUTES = { min: 5, max: 1_440 } as const;

const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: "channel",
  description: "The channel to post in",
  description_localizations: localizationsOf({ en: "The channel to post in", zh: "发布到的频道" }),
  channel_types: TEXT_CHANNELS,
  required: true,
} as const;

/** /stats post|live: moderators put SORA's figures in a channel, once or kept up to date. */
export const statsCommand = {
  name: "stats",
  name_localizations: localizationsOf({ en: "stats", zh: "数据" }),
  description: "Post protocol stats to a channel (moderators)",
  description_localizations: localizationsOf({
    en: "Post protocol stats to a channel (moderators)",
    zh: "把协议数据发布到频道（管理员）",
  }),
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "post",
      description: "Post the stats once",
      description_localizations: localizationsOf({ en: "Post the stats once", zh: "发布一次数据" }),
      options: [channelOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "live",
      description: "Keep one stats message up to date",
      description_localizations: localizationsOf({
        en: "Keep one stats message up to date",
        zh: "保持一条数据消息持续更新",
      }),
      options: [
        channelOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: "interval",
          description: "Minutes between updates (60: hourly, 1440: daily)",
          description_localizations: localizationsOf({
            en: "Minutes between updates (60: hourly, 1440: daily)",
            zh: "更新间隔分钟数（60：每小时，1440：每天）",
          }),
          min_value: LIVE_INTERVAL_MINUTES.min,
          max_value: LIVE_INTERVAL_MINUTES.max,
          required: true,
        },
      ],
    },
  ],
} as const satisfies ChatInputCommandJson;

/** The subcommands of /stats, by name: the handlers' map is typed from them. */
export type StatsSubcommand = (typeof statsCommand)["options"][number]["name"];
