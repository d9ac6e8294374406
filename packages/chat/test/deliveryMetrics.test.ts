import type { PrismaClient } from "@luma-pulse/db";
import { Registry } from "prom-client";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryPlatform, SendResult } from "../src/delivery/AlertSender.ts";
import { enqueueBurn } from "../src/delivery/enqueueBurn.ts";
import type { RateLimitPolicy } from "../src/delivery/RateLimitPolicy.ts";
import { startDeliveryWorker } from "../src/delivery/startDeliveryWorker.ts";
import { createChatMetrics } from "../src/metrics/createChatMetrics.ts";
import { watchAlertQueue } from "../src/metrics/watchAlertQueue.ts";
import { recordingSender, setupPostgres, subscribe, testBurn, waitFor } from "./deliveryFixtures.ts";
import { metricValue } from "./metricValue.ts";

const noLimits: RateLimitPolicy = { limitsFor: () => [] };

describe("delivery metrics", () => {
  let prisma: PrismaClient;
  const enqueue = (platform: DeliveryPlatform, n: number, now: Date) =>
    enqueueBurn(prisma, { platform, consumer: `${platform}:burns`, burn: testBurn(n, 10n), now });
  const drained = async () =>
    (await prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) === 0;

  beforeAll(async () => {
    prisma = (await setupPostgres("delivery_metrics")).prisma;
  }, 60_000);

  beforeEach(async () => {
    await prisma.alertDelivery.deleteMany();
    await prisma.alertSubscription.deleteMany();
  });

  it("counts every alert send by its outcome, and shows the outbox draining to 0", async () => {
    const chats = ["3001", "3002", "3003", "3004", "3005", "3006"];
    for (const chatId of chats) await subscribe(prisma, chatId);
    // Routed a minute ago: every row has been due for that long.
    await enqueue("telegram", 1, new Date(Date.now() - 60_000));
    const registry = new Registry();
    const unwatch = watchAlertQueue({ registry, prisma, platform: "telegram" });
    const before = await registry.metrics();
    expect(metricValue(before, "luma_alert_queue_depth", { platform: "telegram" })).toBe(6);
    expect(
      metricValue(before, "luma_alert_queue_oldest_age_seconds", { platform: "telegram" }),
    ).toBeGreaterThanOrEqual(59);

    let limited = false;
    const { sender } = recordingSender("telegram", (call): SendResult => {
      if (call.chatId === "3006") return { kind: "gone", reason: "Forbidden: bot was blocked by the user" };
      if (call.chatId === "3002" && !limited) {
        limited = true;
        return { kind: "retry_after", retryAfterMs: 200 };
      }
      return { kind: "sent", messageId: "1" };
    });
    const worker = startDeliveryWorker({ prisma, sender, policy: noLimits, pollMs: 20, metrics: registry });
    await waitFor(drained);
    const after = await registry.metrics();
    await worker.stop();
    unwatch();

    const sends = (result: string) =>
      metricValue(after, "luma_chat_sends_total", { platform: "telegram", kind: "alert", result });
    expect([sends("sent"), sends("retry_after"), sends("gone"), sends("failed")]).toEqual([
      5,
      1,
      1,
      undefined,
    ]);
    expect(metricValue(after, "luma_alert_queue_depth", { platform: "telegram" })).toBe(0);
    expect(metricValue(after, "luma_alert_queue_oldest_age_seconds", { platform: "telegram" })).toBe(0);
  });

  it("reports each platform's outbox on the one registry both bots of a process share", async () => {
    await subscribe(prisma, "3101");
    await subscribe(prisma, "3102");
    await subscribe(prisma, "1410000000000000101", {}, { platform: "discord" });
    const now = new Date();
    await enqueue("telegram", 2, now);
    await enqueue("discord", 2, now);
    // Not due yet: counted as waiting, but no lag.
    await enqueue("discord", 3, new Date(now.getTime() + 3_600_000));
    const registry = new Registry();
    // Both bots create their counters on it: the second gets the first's, not a duplicate error.
    expect(createChatMetrics(registry).sends).toBe(createChatMetrics(registry).sends);
    watchAlertQueue({ registry, prisma, platform: "telegram" });
    const unwatchDiscord = watchAlertQueue({ registry, prisma, platform: "discord" });
    const text = await registry.metrics();
    expect(metricValue(text, "luma_alert_queue_depth", { platform: "telegram" })).toBe(2);
    expect(metricValue(text, "luma_alert_queue_depth", { platform: "discord" })).toBe(2);

    unwatchDiscord();
    const later = await registry.metrics();
    expect(metricValue(later, "luma_alert_queue_depth", { platform: "telegram" })).toBe(2);
    expect(metricValue(later, "luma_alert_queue_depth", { platform: "discord" })).toBeUndefined();
  });

  it("error: while the database is away, a scrape leaves the queue out and still answers the rest", async () => {
    const registry = new Registry();
    createChatMetrics(registry).rateLimited.inc({ platform: "telegram" });
    const away = {
      $queryRaw: () => Promise.reject(new Error("Can't reach database server")),
    } as unknown as PrismaClient;
    watchAlertQueue({ registry, prisma: away, platform: "telegram" });
    const text = await registry.metrics();
    expect(metricValue(text, "luma_alert_queue_depth")).toBeUndefined();
    expect(metricValue(text, "luma_chat_rate_limited_total", { platform: "telegram" })).toBe(1);
  });
});
