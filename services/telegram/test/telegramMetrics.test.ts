import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { Registry } from "prom-client";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueBurn } from "../../../packages/chat/src/delivery/enqueueBurn.ts";
import { subscribe, testBurn, waitFor } from "../../../packages/chat/test/deliveryFixtures.ts";
import { metricValue } from "../../../packages/chat/test/metricValue.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "../../../test/helpers/telegram/telegramUpdates.ts";
import { startTelegramBot } from "../src/startTelegramBot.ts";

const CHATS = Array.from({ length: 10 }, (_, i) => String(6_300_000_000 + i));
const MEMBER = { id: 6_300_000_100, languageCode: "en" };
// Nothing listens there: the burn subscription retries in the background; these tests fill the outbox themselves.
const NO_GATEWAY = "http://127.0.0.1:9";

/** The Telegram bot's metrics, read from the registry it was given, as Prometheus scrapes them. */
describe("Telegram bot metrics", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let standIn: BotApiStandIn;
  const registry = new Registry();

  beforeAll(async () => {
    database = await openDatabase(
      createDbConfig({ DATABASE_URL: await setupThrowawayPostgres("tg_metrics") }),
    );
    deferTeardown(() => database.close());
    for (const chatId of CHATS) await subscribe(database.prisma, chatId);
    // Telegram's send limits on: the 429s below are the only ones.
    standIn = await startBotApiStandIn();
    deferTeardown(() => standIn.close());
  }, 60_000);

  it("counts a broadcast's alerts by outcome, each 429 Telegram answered, and a command's update and reply", async () => {
    await enqueueBurn(database.prisma, {
      platform: "telegram",
      consumer: "telegram:burns",
      burn: testBurn(1, 10n),
      now: new Date(),
    });
    // The first alert is answered 429: the worker holds that chat back for the second and sends it then.
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const bot = await startTelegramBot({
      config: { token: standIn.token, apiRoot: standIn.apiRoot, gatewayUrl: NO_GATEWAY },
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

    // A reply answered 429 is retried by the bot after the wait (auto-retry): both attempts count.
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const replied = standIn.waitFor((call) => call.ok && call.chatId === String(MEMBER.id), 10_000);
    standIn.pushUpdate(commandUpdate({ text: "/help", chat: "private", from: MEMBER }));
    await replied;
    await waitFor(async () => metricValue(await registry.metrics(), "luma_bot_updates_total") !== undefined);

    const text = await registry.metrics();
    const sends = (kind: string, result: string) =>
      metricValue(text, "luma_chat_sends_total", { platform: "telegram", kind, result });
    expect([sends("alert", "sent"), sends("alert", "retry_after")]).toEqual([CHATS.length, 1]);
    expect([sends("reply", "sent"), sends("reply", "retry_after")]).toEqual([1, 1]);
    expect(metricValue(text, "luma_chat_rate_limited_total", { platform: "telegram" })).toBe(2);
    expect(metricValue(text, "luma_bot_updates_total", { platform: "telegram", result: "ok" })).toBe(1);
    expect(metricValue(text, "luma_bot_update_duration_seconds_count", { platform: "telegram" })).toBe(1);
    expect(metricValue(text, "luma_alert_queue_depth", { platform: "telegram" })).toBe(0);
    expect(standIn.violations).toEqual([]);
  }, 60_000);
});
