import type { PrismaClient } from "@luma-pulse/db";
import { beforeAll, describe, expect, it } from "vitest";
import { setupDatabase } from "../../../services/gateway/test/setupDatabase.ts";
import { type AlertSettings, defaultAlertSettings } from "../src/alerts/AlertSettings.ts";
import {
  loadAlertSettings,
  moveChat,
  removeChat,
  saveAlertSettings,
} from "../src/store/alertSubscriptions.ts";
import { loadUserLocale, saveUserLocale } from "../src/store/userLocale.ts";

const e18 = (whole: bigint) => whole * 10n ** 18n;

describe("the chat store", () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    prisma = (await setupDatabase()).prisma;
  }, 60_000);

  describe("alert settings", () => {
    it("reads a chat that never subscribed as off, with the defaults to turn on", async () => {
      expect(await loadAlertSettings(prisma, "telegram", "-100123")).toEqual({
        ...defaultAlertSettings,
        enabled: false,
      });
    });

    it("keeps a chat's settings, minimum and quiet hours included, apart per platform", async () => {
      const settings: AlertSettings = {
        enabled: true,
        minAmount: e18(250_000n),
        mode: "digest",
        digestWindowMinutes: 30,
        quietHours: { startMinute: 23 * 60, endMinute: 7 * 60, utcOffsetMinutes: 480 },
      };
      await saveAlertSettings(prisma, { platform: "telegram", chatId: "-100200", settings, locale: "zh" });
      expect(await loadAlertSettings(prisma, "telegram", "-100200")).toEqual(settings);
      expect(await loadAlertSettings(prisma, "discord", "-100200")).toMatchObject({ enabled: false });

      const off = { ...settings, enabled: false, quietHours: undefined };
      await saveAlertSettings(prisma, {
        platform: "telegram",
        chatId: "-100200",
        settings: off,
        locale: "en",
      });
      expect(await loadAlertSettings(prisma, "telegram", "-100200")).toEqual({
        ...off,
        quietHours: undefined,
      });
      const row = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "telegram", chatId: "-100200" } },
      });
      expect(row.locale).toBe("en");
    });

    it("stores a Discord channel with its guild", async () => {
      await saveAlertSettings(prisma, {
        platform: "discord",
        chatId: "1200000000000000001",
        guildId: "1100000000000000001",
        settings: defaultAlertSettings,
        locale: "en",
      });
      const row = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "discord", chatId: "1200000000000000001" } },
      });
      expect(row.guildId).toBe("1100000000000000001");
    });
  });

  describe("removeChat", () => {
    it("unsubscribes the chat with the reason and drops its waiting alerts, not the sent ones", async () => {
      const chatId = "-100300";
      await saveAlertSettings(prisma, {
        platform: "telegram",
        chatId,
        settings: defaultAlertSettings,
        locale: "en",
      });
      const row = (eventId: string, status: "pending" | "sending" | "sent") => ({
        platform: "telegram" as const,
        chatId,
        eventId,
        kind: "burn",
        payload: {},
        sendAfter: new Date(),
        status,
      });
      await prisma.alertDelivery.createMany({
        data: [row("a", "sent"), row("b", "pending"), row("c", "sending")],
      });
      // Another chat's alerts stay.
      await prisma.alertDelivery.create({ data: { ...row("a", "pending"), chatId: "-100301" } });

      await removeChat(prisma, "telegram", chatId, "Forbidden: bot was kicked from the group chat");

      const subscription = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "telegram", chatId } },
      });
      expect(subscription.removedAt).toBeInstanceOf(Date);
      expect(subscription.removedReason).toBe("Forbidden: bot was kicked from the group chat");
      // An admin who adds the bot back sees alerts off until they turn them on again.
      expect(await loadAlertSettings(prisma, "telegram", chatId)).toMatchObject({ enabled: false });
      const statuses = await prisma.alertDelivery.findMany({
        where: { platform: "telegram", chatId: { in: [chatId, "-100301"] } },
        orderBy: [{ chatId: "asc" }, { eventId: "asc" }],
        select: { chatId: true, eventId: true, status: true },
      });
      expect(statuses).toEqual([
        { chatId, eventId: "a", status: "sent" },
        { chatId, eventId: "b", status: "dropped" },
        { chatId, eventId: "c", status: "dropped" },
        { chatId: "-100301", eventId: "a", status: "pending" },
      ]);
    });

    it("subscribes a removed chat again when its settings are saved (the bot was added back)", async () => {
      const chatId = "-100400";
      await saveAlertSettings(prisma, {
        platform: "telegram",
        chatId,
        settings: defaultAlertSettings,
        locale: "en",
      });
      await removeChat(prisma, "telegram", chatId, "Forbidden: bot was blocked by the user");
      await saveAlertSettings(prisma, {
        platform: "telegram",
        chatId,
        settings: defaultAlertSettings,
        locale: "en",
      });
      const subscription = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "telegram", chatId } },
      });
      expect(subscription).toMatchObject({ removedAt: null, removedReason: null });
    });
  });

  describe("moveChat (a group upgraded to a supergroup)", () => {
    const row = (chatId: string, eventId: string, status: "pending" | "sending" | "sent") => ({
      platform: "telegram" as const,
      chatId,
      eventId,
      kind: "burn",
      payload: {},
      sendAfter: new Date(),
      status,
      ...(status === "sending" ? { claimedBy: "worker-a", leaseUntil: new Date(Date.now() + 30_000) } : {}),
    });
    const rowsOf = (chatIds: string[]) =>
      prisma.alertDelivery.findMany({
        where: { platform: "telegram", chatId: { in: chatIds } },
        orderBy: [{ chatId: "asc" }, { eventId: "asc" }],
        select: { chatId: true, eventId: true, status: true, claimedBy: true },
      });
    const settings: AlertSettings = { ...defaultAlertSettings, minAmount: e18(5n), mode: "digest" };

    it("moves the subscription, settings and language, and the unsent alerts to the new id", async () => {
      await saveAlertSettings(prisma, { platform: "telegram", chatId: "-500", settings, locale: "zh" });
      await prisma.alertDelivery.createMany({
        data: [row("-500", "a", "sent"), row("-500", "b", "pending"), row("-500", "c", "sending")],
      });

      await moveChat(prisma, "telegram", "-500", "-1005000");
      await moveChat(prisma, "telegram", "-500", "-1005000"); // the bot's handler and the worker both saw it

      expect(await loadAlertSettings(prisma, "telegram", "-1005000")).toEqual(settings);
      expect(await loadAlertSettings(prisma, "telegram", "-500")).toMatchObject({ enabled: false });
      const moved = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "telegram", chatId: "-1005000" } },
      });
      expect(moved).toMatchObject({ locale: "zh", removedAt: null });
      // The sent one stays where it was sent; the others are pending for any worker to send to the new id.
      expect(await rowsOf(["-500", "-1005000"])).toEqual([
        { chatId: "-1005000", eventId: "b", status: "pending", claimedBy: null },
        { chatId: "-1005000", eventId: "c", status: "pending", claimedBy: null },
        { chatId: "-500", eventId: "a", status: "sent", claimedBy: null },
      ]);
    });

    it("keeps the new id's own subscription, and sends an event queued for both ids once", async () => {
      await saveAlertSettings(prisma, { platform: "telegram", chatId: "-600", settings, locale: "zh" });
      await saveAlertSettings(prisma, {
        platform: "telegram",
        chatId: "-1006000",
        settings: defaultAlertSettings,
        locale: "en",
      });
      await prisma.alertDelivery.createMany({
        data: [row("-600", "a", "pending"), row("-600", "b", "pending"), row("-1006000", "a", "pending")],
      });

      await moveChat(prisma, "telegram", "-600", "-1006000");

      expect(await loadAlertSettings(prisma, "telegram", "-1006000")).toEqual(defaultAlertSettings);
      const old = await prisma.alertSubscription.findUniqueOrThrow({
        where: { platform_chatId: { platform: "telegram", chatId: "-600" } },
      });
      expect(old).toMatchObject({ removedAt: expect.any(Date), removedReason: "moved to -1006000" });
      expect(await rowsOf(["-600", "-1006000"])).toEqual([
        { chatId: "-1006000", eventId: "a", status: "pending", claimedBy: null },
        { chatId: "-1006000", eventId: "b", status: "pending", claimedBy: null },
        { chatId: "-600", eventId: "a", status: "dropped", claimedBy: null },
      ]);
    });
  });

  describe("user locale", () => {
    it("has no choice for a new user, then remembers the last /lang per platform", async () => {
      expect(await loadUserLocale(prisma, "telegram", "42")).toBeUndefined();
      await saveUserLocale(prisma, "telegram", "42", "zh");
      expect(await loadUserLocale(prisma, "telegram", "42")).toBe("zh");
      await saveUserLocale(prisma, "telegram", "42", "en");
      expect(await loadUserLocale(prisma, "telegram", "42")).toBe("en");
      expect(await loadUserLocale(prisma, "discord", "42")).toBeUndefined();
    });
  });
});
