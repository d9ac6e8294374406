import {
  defaultAlertSettings,
  followBurns,
  type SendResult,
  saveAlertSettings,
  startDeliveryWorker,
} from "@luma-pulse/chat";
import { Redis } from "ioredis";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { MODERATOR_PERMISSIONS } from "../../../test/helpers/discord/chatInputInteraction.ts";
import { createAlertRest } from "../src/delivery/createAlertRest.ts";
import { createDiscordSender } from "../src/delivery/createDiscordSender.ts";
import { discordRateLimits } from "../src/delivery/discordRateLimits.ts";
import { embedText } from "./embedText.ts";
import { CHANNEL_ID, type Chain, GUILD_ID, setupDiscordWorld } from "./setupDiscordWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const CHANNELS = Array.from({ length: 30 }, (_, i) => String(1_400_000_000_000_000_000n + BigInt(i)));
const BURNS = 3;
/** Subscribed, then deleted by its server's admins. */
const DELETED = "1400000000000000099";

/** Alice holds SORA to sell (each sale is a burn) and has sold some: the alerts start after that burn. */
async function seed({ actors, members, manifest }: Chain) {
  await actors.optionStake(members.alice, e18("100000"));
  await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
  await actors.buySora(members.alice, e18("0.05"));
  await actors.sellSora(
    members.alice,
    (await actors.read.balance(manifest.contracts.sora, members.alice)) / 8n,
  );
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("burn alerts in channels", () => {
  let world: Awaited<ReturnType<typeof setupDiscordWorld>>;

  beforeAll(async () => {
    world = await setupDiscordWorld(seed, { discordLimits: true });
  }, 180_000);

  it("a burst to 30 channels survives a crash mid-broadcast: every alert once, none twice, within Discord's limits; a deleted channel is unsubscribed", async () => {
    const { prisma } = world.database;
    // One channel through /alerts set, the rest stored the same way.
    const [first = "", ...others] = CHANNELS;
    await world.interact({
      command: "alerts",
      subcommand: "set",
      options: { channel: { channel: first } },
      guild: { id: GUILD_ID, channelId: CHANNEL_ID, permissions: MODERATOR_PERMISSIONS },
    });
    for (const chatId of [...others, DELETED]) {
      await saveAlertSettings(prisma, {
        platform: "discord",
        chatId,
        settings: defaultAlertSettings,
        locale: "en",
        guildId: GUILD_ID,
      });
    }
    world.standIn.setChannel(DELETED, "deleted");
    const stopFollowing = new AbortController();
    const following = followBurns({
      gatewayUrl: world.gateway.url,
      prisma,
      platform: "discord",
      signal: stopFollowing.signal,
    });
    deferTeardown(async () => {
      stopFollowing.abort();
      await following;
    });
    // A new install starts after the newest burn, saved as its cursor.
    await waitFor(async () => (await prisma.streamCursor.count()) > 0);

    const rest = () => createAlertRest({ apiRoot: world.standIn.apiRoot, token: world.standIn.token });
    // The worker that "crashes": after 20 alerts, its sends reach Discord but it dies before recording
    // them (they never return), and it is never stopped.
    const real = createDiscordSender(rest());
    let sends = 0;
    const crashing = {
      platform: "discord" as const,
      async send(message: Parameters<typeof real.send>[0]): Promise<SendResult> {
        const result = await real.send(message);
        sends += 1;
        return sends <= 20 ? result : new Promise<SendResult>(() => {});
      },
    };
    // Workers share Discord's limits through Redis, as several bot processes do.
    const redis = new Redis("redis://127.0.0.1:6379");
    deferTeardown(() => redis.quit());
    const rateLimitPrefix = `luma-pulse-test:discord:${process.pid}:${Date.now()}`;
    const shared = { prisma, policy: discordRateLimits, leaseMs: 2_000, redis, rateLimitPrefix };
    startDeliveryWorker({ ...shared, sender: crashing, concurrency: 8 });

    const { actors, members, manifest } = world.chain;
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    for (let i = 0; i < BURNS; i++) await actors.sellSora(members.alice, held / 8n);
    await waitFor(() => sends > 20);

    // The replacement worker takes over once the dead one's lease lapses.
    const replacement = startDeliveryWorker({ ...shared, sender: createDiscordSender(rest()) });
    deferTeardown(() => replacement.stop());
    await waitFor(
      async () =>
        (await prisma.alertDelivery.count({ where: { platform: "discord", status: "sent" } })) ===
        CHANNELS.length * BURNS,
    );

    for (const channel of CHANNELS) {
      const messages = world.standIn.channelMessages(channel);
      expect(messages).toHaveLength(BURNS);
      for (const message of messages) expect(embedText(message)).toMatch(/^🔥 [\d,.]+ SORA burned\n/);
    }
    // Resent alerts came back as the messages already posted (enforce_nonce), and no send broke a limit.
    const posts = world.standIn
      .callsTo(/^POST \/channels\/14\d+\/messages$/)
      .filter((call) => call.status === 200);
    expect(posts.length).toBeGreaterThan(CHANNELS.length * BURNS);
    expect(world.standIn.violations).toEqual([]);
    // The deleted channel's subscription is removed, and its alerts dropped.
    const gone = await prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "discord", chatId: DELETED } },
    });
    expect(gone).toMatchObject({ removedReason: "10003 Unknown Channel", removedAt: expect.any(Date) });
    expect(world.standIn.channelMessages(DELETED)).toEqual([]);
  }, 60_000);
});
