import type { PrismaClient } from "@luma-pulse/db";
import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertSettingsToJson, defaultAlertSettings } from "../src/alerts/AlertSettings.ts";
import { enqueueBurn } from "../src/delivery/enqueueBurn.ts";
import { removeChat } from "../src/store/alertSubscriptions.ts";
import { setupPostgres, subscribe, testBurn } from "./deliveryFixtures.ts";

const e18 = 10n ** 18n;
/** 12:00 UTC, 20:00 in UTC+8. */
const NOON = new Date("2026-11-21T12:00:00.000Z");

describe("enqueueBurn: a burn into the outbox", () => {
  let prisma: PrismaClient;
  const enqueue = (burn = testBurn(1, 10n), now = NOON) =>
    enqueueBurn(prisma, { platform: "telegram", consumer: "telegram:burns", burn, now });
  const rows = () =>
    prisma.alertDelivery.findMany({
      orderBy: [{ chatId: "asc" }, { id: "asc" }],
      select: { chatId: true, eventId: true, kind: true, digestKey: true, sendAfter: true, status: true },
    });

  beforeAll(async () => {
    prisma = (await setupPostgres("delivery_enqueue")).prisma;
  }, 60_000);

  beforeEach(async () => {
    await prisma.alertDelivery.deleteMany();
    await prisma.alertSubscription.deleteMany();
    await prisma.streamCursor.deleteMany();
  });

  it("queues one row per subscribed chat as its settings say, with the cursor", async () => {
    await subscribe(prisma, "1"); // every burn, at once
    await subscribe(prisma, "2", { minAmount: 50n * e18 }); // not this one
    await subscribe(prisma, "3", { enabled: false });
    await subscribe(prisma, "4", { mode: "digest", digestWindowMinutes: 60 });
    // Quiet 19:00–07:00 in UTC+8: at 20:00 there, held until 07:00 (23:00 UTC).
    await subscribe(prisma, "5", {
      quietHours: { startMinute: 19 * 60, endMinute: 7 * 60, utcOffsetMinutes: 480 },
    });
    await subscribe(prisma, "6");
    await removeChat(prisma, "telegram", "6", "Forbidden: bot was blocked by the user");
    await subscribe(prisma, "7", {}, { platform: "discord" });

    expect(await enqueue()).toBe(3);
    const burnId = testBurn(1, 10n).id;
    expect(await rows()).toEqual([
      { chatId: "1", eventId: burnId, kind: "burn", digestKey: null, sendAfter: NOON, status: "pending" },
      {
        chatId: "4",
        eventId: burnId,
        kind: "burn",
        digestKey: "digest:2026-11-21T12:00:00.000Z",
        sendAfter: new Date("2026-11-21T13:00:00.000Z"),
        status: "pending",
      },
      {
        chatId: "5",
        eventId: burnId,
        kind: "burn",
        digestKey: "held:2026-11-21T23:00:00.000Z",
        sendAfter: new Date("2026-11-21T23:00:00.000Z"),
        status: "pending",
      },
    ]);
    expect(await prisma.streamCursor.findUnique({ where: { consumer: "telegram:burns" } })).toMatchObject({
      lastEventId: burnId,
    });
  });

  it("adds nothing for a burn that comes again (a resume, a reorg replay)", async () => {
    await subscribe(prisma, "1");
    await subscribe(prisma, "2");
    expect(await enqueue()).toBe(2);
    expect(await enqueue()).toBe(0);
    expect(await rows()).toHaveLength(2);
  });

  it("tells every chat with alerts on about a milestone once, whatever the burn's size, never again", async () => {
    await subscribe(prisma, "1", { minAmount: 1_000_000n * e18 });
    await subscribe(prisma, "2", { enabled: false });
    const at77 = (77n * SORA_MAX_SUPPLY) / 100n;
    const crossing = testBurn(1, 2n, { totalBurned: at77 + e18 });
    expect(await enqueue(crossing)).toBe(1);
    // After a reorg, a burn crosses 77% again: it was told already.
    expect(await enqueue(testBurn(2, 3n, { totalBurned: at77 + 2n * e18 }))).toBe(0);
    expect(await rows()).toEqual([
      {
        chatId: "1",
        eventId: "milestone:77",
        kind: "milestone",
        digestKey: null,
        sendAfter: NOON,
        status: "pending",
      },
    ]);
  });

  it("routes one burn to 10,000 subscribed chats", async () => {
    const settings = alertSettingsToJson(defaultAlertSettings);
    await prisma.alertSubscription.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({
        platform: "telegram" as const,
        chatId: `${-1_000_000 - i}`,
        settings,
        locale: i % 2 ? "zh" : "en",
      })),
    });
    expect(await enqueue()).toBe(10_000);
    expect(await prisma.alertDelivery.count({ where: { eventId: testBurn(1, 10n).id } })).toBe(10_000);
  });
});
