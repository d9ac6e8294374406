import { PermissionFlagsBits } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  EVERYONE_PERMISSIONS,
  MODERATOR_PERMISSIONS,
} from "../../../test/helpers/discord/chatInputInteraction.ts";
import { createDiscordBot } from "../src/client.ts";
import { embedOf, embedText } from "./embedText.ts";
import { CHANNEL_ID, GUILD_ID, type InteractionOptions, setupDiscordWorld } from "./setupDiscordWorld.ts";

const STATS_CHANNEL = "1370000000000000001";
const EPHEMERAL = 64;
const asModerator = { id: GUILD_ID, channelId: CHANNEL_ID, permissions: MODERATOR_PERMISSIONS };
const asMember = { id: GUILD_ID, channelId: CHANNEL_ID, permissions: EVERYONE_PERMISSIONS };

describe("moderator tools: /stats and /alerts", () => {
  let world: Awaited<ReturnType<typeof setupDiscordWorld>>;
  const run = async (options: InteractionOptions) => {
    const answer = await world.interact({ guild: asModerator, ...options });
    return { ...answer, text: embedText(answer.reply) };
  };
  const postStats = (channel: string, extra: Partial<InteractionOptions> = {}) =>
    run({ command: "stats", subcommand: "post", options: { channel: { channel } }, ...extra });

  beforeAll(async () => {
    world = await setupDiscordWorld();
  }, 180_000);

  it("refuses a member without Manage Server, ephemerally and at once, posting nothing", async () => {
    for (const [locale, refusal] of [
      ["en-US", /^That did not work\nOnly members with the Manage Server permission/],
      ["zh-CN", /^.+\n只有拥有“管理服务器”权限的成员/],
    ] as const) {
      const answer = await postStats(STATS_CHANNEL, { guild: asMember, locale });
      expect(answer.calls).toHaveLength(1);
      expect(answer.calls[0]?.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
      expect(answer.text).toMatch(refusal);
    }
    const alerts = await run({
      command: "alerts",
      subcommand: "off",
      options: { channel: { channel: STATS_CHANNEL } },
      guild: asMember,
    });
    expect(alerts.text).toMatch(/Manage Server/);
    expect(world.standIn.channelMessages(STATS_CHANNEL)).toEqual([]);
  });

  it("checks the permission again at run time: a server's override decides, not the command's default", async () => {
    // An admin let a role without Manage Server run /stats (Integrations → command permissions):
    // Discord delivers the command, and the bot still refuses.
    const overridden = await postStats(STATS_CHANNEL, {
      guild: { ...asMember, permissions: EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageMessages },
    });
    expect(overridden.text).toMatch(/Manage Server/);
    // A member whose roles grant Manage Server may, whatever the default said.
    const granted = await postStats(STATS_CHANNEL, {
      guild: { ...asMember, permissions: EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild },
    });
    expect(granted.text).toMatch(/^Done\nPosted the stats in <#1370000000000000001>\.$/);
    // In the bot's DM there is no server to moderate.
    expect((await postStats(STATS_CHANNEL, { guild: undefined })).text).toMatch(/works in a server channel/);
  });

  it("/stats post puts a stats embed with its chart in the channel, in the moderator's language", async () => {
    const before = world.standIn.channelMessages(STATS_CHANNEL).length;
    const answer = await postStats(STATS_CHANNEL, { locale: "zh-CN" });
    expect(answer.calls[0]?.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(answer.text).toMatch(/^完成\n已在 <#1370000000000000001> 发布数据。$/);
    const posted = world.standIn.channelMessages(STATS_CHANNEL).slice(before);
    expect(posted).toHaveLength(1);
    expect(embedText(posted[0])).toMatch(/^SORA\n/);
    expect(embedOf(posted[0]).footer?.text).toMatch(/^区块 [\d,]+ · /);
    expect(embedOf(posted[0]).image?.url).toBe(`attachment://${posted[0]?.files[0]?.name}`);
  });

  it("error: a deleted channel, or one the bot cannot write to, gets a clear ephemeral answer", async () => {
    world.standIn.setChannel("1370000000000000009", "deleted");
    expect((await postStats("1370000000000000009")).text).toMatch(
      /^That did not work\nThat channel no longer exists\./,
    );
    world.standIn.setChannel("1370000000000000008", "no_permissions");
    const refused = await postStats("1370000000000000008");
    expect(refused.reply?.ephemeral).toBe(true);
    expect(refused.text).toMatch(
      /^That did not work\nI cannot post in <#1370000000000000008>: give me View Channel, Send Messages/,
    );
    world.standIn.setChannel("1370000000000000007", "no_access");
    expect((await postStats("1370000000000000007", { locale: "zh-CN" })).text).toMatch(
      /我无法在 <#1370000000000000007> 发消息/,
    );
    expect(world.logs).toEqual([]);
  });

  it("/stats live keeps one message up to date by editing it, across a restart, until its channel is deleted", async () => {
    const channel = "1370000000000000002";
    const answer = await run({
      command: "stats",
      subcommand: "live",
      options: { channel: { channel }, interval: 60 },
    });
    expect(answer.text).toMatch(
      /^Done\nStats in <#1370000000000000002> are kept up to date every 60 minutes\.$/,
    );
    const [message] = world.standIn.channelMessages(channel);
    const stored = () => world.database.prisma.liveStatsMessage.findMany({ where: { platform: "discord" } });
    expect(await stored()).toMatchObject([
      { chatId: channel, guildId: GUILD_ID, messageId: message?.id, intervalMinutes: 60, locale: "en" },
    ]);

    const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    expect(await world.bot.deps.liveStats.refreshDue(inMinutes(30))).toBe(0);
    expect(message?.edits).toBe(0);
    await world.bot.deps.liveStats.refreshDue(inMinutes(61));
    expect(message?.edits).toBe(1);
    expect(embedText(message)).toMatch(/^SORA\n/);
    expect(message?.files).toHaveLength(1);

    // The bot restarts: a new process on the same database edits the same message. Two processes
    // that look at the same moment edit it once between them.
    const restarted = createDiscordBot(
      { token: world.standIn.token, apiRoot: world.standIn.apiRoot },
      { prisma: world.database.prisma, gateway: world.bot.deps.gateway },
    );
    const due = inMinutes(125);
    const edits = await Promise.all([
      restarted.deps.liveStats.refreshDue(due),
      world.bot.deps.liveStats.refreshDue(due),
    ]);
    expect(edits.toSorted()).toEqual([0, 1]);
    expect(message?.edits).toBe(2);
    expect(world.standIn.channelMessages(channel)).toHaveLength(1);

    world.standIn.setChannel(channel, "deleted");
    await restarted.deps.liveStats.refreshDue(inMinutes(200));
    expect(await stored()).toEqual([]);
    expect(message?.edits).toBe(2);
  });

  it("/alerts set and off subscribe a channel with its minimum and digest, and unsubscribe it", async () => {
    const channel = "1370000000000000003";
    const set = await run({
      command: "alerts",
      subcommand: "set",
      options: { channel: { channel }, "min-amount": "1,000", digest: 60 },
    });
    expect(set.text).toMatch(/^Burn alerts\nBurn alerts go to <#1370000000000000003>\./);
    const row = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "discord", chatId: channel } },
    });
    expect(row).toMatchObject({ guildId: GUILD_ID, locale: "en", removedAt: null });
    expect(row?.settings).toMatchObject({
      enabled: true,
      minAmount: "1000000000000000000000",
      mode: "digest",
      digestWindowMinutes: 60,
    });

    const off = await run({
      command: "alerts",
      subcommand: "off",
      options: { channel: { channel } },
      locale: "zh-CN",
    });
    expect(off.text).toMatch(/<#1370000000000000003> 的销毁提醒已关闭。/);
    const after = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "discord", chatId: channel } },
    });
    expect(after?.settings).toMatchObject({ enabled: false, minAmount: "1000000000000000000000" });
  });

  it("error: a malformed minimum is refused and nothing is stored", async () => {
    const channel = "1370000000000000004";
    const answer = await run({
      command: "alerts",
      subcommand: "set",
      options: { channel: { channel }, "min-amount": "lots" },
    });
    expect(answer.text).toMatch(/^Check the command\n"lots" is not an amount/);
    expect(await world.database.prisma.alertSubscription.count({ where: { chatId: channel } })).toBe(0);
  });
});
