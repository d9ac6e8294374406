import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { Registry } from "prom-client";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueBurn } from "../../../packages/chat/src/delivery/enqueueBurn.ts";
import { subscribe, testBurn, waitFor } from "../../../packages/chat/test/deliveryFixtures.ts";
import { metricValue } from "../../../packages/chat/test/metricValue.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { chatInputInteraction } from "../../../test/helpers/discord/chatInputInteraction.ts";
import {
  type DiscordApiStandIn,
  startDiscordApiStandIn,
} from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { startDiscordBot } from "../src/startDiscordBot.ts";

const CHANNELS = ["1420000000000000001", "1420000000000000002", "1420000000000000003"];

/** The Discord bot's metrics, read from the registry it was given, as Prometheus scrapes them. */
describe("Discord bot metrics", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let standIn: DiscordApiStandIn;
  const registry = new Registry();

  beforeAll(async () => {
    database = await openDatabase(
      createDbConfig({ DATABASE_URL: await setupThrowawayPostgres("dc_metrics") }),
    );
    deferTeardown(() => database.close());
    for (const channelId of CHANNELS)
      await subscribe(database.prisma, channelId, {}, { platform: "discord" });
    standIn = await startDiscordApiStandIn();
    deferTeardown(() => standIn.close());
  }, 60_000);

  it("counts the alerts by outcome, the 429 Discord answered, and a command's update, reply and edit", async () => {
    await enqueueBurn(database.prisma, {
      platform: "discord",
      consumer: "discord:burns",
      burn: testBurn(1, 10n),
      now: new Date(),
    });
    // The first alert is answered 429: the worker holds that channel back and posts it after the wait.
    standIn.failNext(/^POST \/channels\/\d+\/messages$/, { status: 429, retryAfterMs: 500 });
    const bot = await startDiscordBot({
      config: {
        token: standIn.token,
        applicationId: standIn.applicationId,
        apiRoot: standIn.apiRoot,
        // Nothing listens there: the outbox is filled by the test, and /help asks nothing of the gateway.
        gatewayUrl: "http://127.0.0.1:9",
      },
      prisma: database.prisma,
      log: () => {},
      metrics: registry,
    });
    deferTeardown(() => bot.stop());
    await waitFor(
      async () =>
        (await database.prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) ===
        0,
    );
    await standIn.waitForGatewayReady();
    const interaction = chatInputInteraction({ applicationId: standIn.applicationId, command: "help" });
    standIn.dispatchInteraction(interaction);
    await waitFor(async () => metricValue(await registry.metrics(), "luma_bot_updates_total") !== undefined);

    const text = await registry.metrics();
    const sends = (kind: string, result: string) =>
      metricValue(text, "luma_chat_sends_total", { platform: "discord", kind, result });
    expect(sends("alert", "sent")).toBe(CHANNELS.length);
    expect(sends("alert", "retry_after")).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, "luma_chat_rate_limited_total", { platform: "discord" })).toBe(1);
    expect(metricValue(text, "luma_bot_updates_total", { platform: "discord", result: "ok" })).toBe(1);
    expect(metricValue(text, "luma_bot_update_duration_seconds_count", { platform: "discord" })).toBe(1);
    expect([sends("reply", "sent"), sends("edit", "sent")]).toEqual([1, 1]);
    expect(metricValue(text, "luma_alert_queue_depth", { platform: "discord" })).toBe(0);
  }, 60_000);
});
