import { randomBytes } from "node:crypto";
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  InteractionType,
  type Locale,
  PermissionFlagsBits,
} from "discord.js";

/** A member's permissions where they run a command: Discord computes them with overwrites applied. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.UseApplicationCommands;
export const MODERATOR_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild;

/** An option value: a channel is given as `{ channel: id }` and arrives in `resolved`. */
type OptionValue = string | number | { channel: string };

let sequence = 0;
const snowflake = () => String(1_320_000_000_000_000_000n + BigInt(++sequence));

/**
 * A real INTERACTION_CREATE payload of a slash command, as Discord's gateway sends it: in a guild
 * channel (with the member's computed permissions) or the bot's DM, with the member's client locale.
 */
export function chatInputInteraction(opts: {
  applicationId: string;
  command: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  locale?: `${Locale}`;
  userId?: string;
  /** Undefined: the bot's DM. */
  guild?: { id: string; channelId: string; permissions: bigint };
}): APIChatInputApplicationCommandInteraction & { token: string } {
  const user = {
    id: opts.userId ?? "1330000000000000001",
    username: "member",
    discriminator: "0",
    global_name: "Member",
    avatar: null,
  };
  const resolvedChannels: Record<string, unknown> = {};
  const basic: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(opts.options ?? {}).map(
    ([name, value]) => {
      if (typeof value === "object") {
        resolvedChannels[value.channel] = {
          id: value.channel,
          name: "stats",
          type: ChannelType.GuildText,
          permissions: String(MODERATOR_PERMISSIONS),
        };
        return { name, type: ApplicationCommandOptionType.Channel, value: value.channel };
      }
      return typeof value === "number"
        ? { name, type: ApplicationCommandOptionType.Integer, value }
        : { name, type: ApplicationCommandOptionType.String, value };
    },
  );
  const options = opts.subcommand
    ? [{ name: opts.subcommand, type: ApplicationCommandOptionType.Subcommand as const, options: basic }]
    : basic;
  const channelId = opts.guild?.channelId ?? "1340000000000000001";
  const where = opts.guild
    ? {
        guild_id: opts.guild.id,
        guild_locale: "en-US",
        channel: { id: channelId, type: ChannelType.GuildText, name: "general", guild_id: opts.guild.id },
        member: {
          user,
          roles: [],
          permissions: String(opts.guild.permissions),
          joined_at: "2026-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
        },
        context: InteractionContextType.Guild,
      }
    : {
        channel: { id: channelId, type: ChannelType.DM, recipients: [user] },
        user,
        context: InteractionContextType.BotDM,
      };
  return {
    id: snowflake(),
    application_id: opts.applicationId,
    type: InteractionType.ApplicationCommand,
    token: `aW50ZXJhY3Rpb246${randomBytes(24).toString("hex")}`,
    version: 1,
    locale: opts.locale ?? "en-US",
    app_permissions: String(
      MODERATOR_PERMISSIONS | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles,
    ),
    entitlements: [],
    authorizing_integration_owners: { 0: "1350000000000000001" },
    attachment_size_limit: 10_485_760,
    channel_id: channelId,
    data: {
      id: snowflake(),
      name: opts.command,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(Object.keys(resolvedChannels).length > 0 ? { resolved: { channels: resolvedChannels } } : {}),
    },
    ...where,
  } as unknown as APIChatInputApplicationCommandInteraction & { token: string };
}
