import type { PrismaClient } from "@luma-pulse/db";
import { Redis } from "ioredis";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import type { SendResult } from "../src/delivery/AlertSender.ts";
import { createRateGate } from "../src/delivery/createRateGate.ts";
import { enqueueBurn } from "../src/delivery/enqueueBurn.ts";
import type { RateLimitPolicy } from "../src/delivery/RateLimitPolicy.ts";
import { type DeliveryWorker, startDeliveryWorker } from "../src/delivery/startDeliveryWorker.ts";
import type { BurnEvent } from "../src/gateway/operations/soraBurnedEvent.ts";
import { formatTokenNumber } from "../src/i18n/format/formatTokenAmount.ts";
import { recordingSender, setupPostgres, subscribe, testBurn, waitFor } from "./deliveryFixtures.ts";

const noLimits: RateLimitPolicy = { limitsFor: () => [] };
const e18 = 10n ** 18n;

describe("startDeliveryWorker on one PostgreSQL outbox", () => {
  let prisma: PrismaClient;
  let workers: DeliveryWorker[] = [];
  const start = (options: Omit<Parameters<typeof startDeliveryWorker>[0], "prisma">) => {
    const worker = startDeliveryWorker({ prisma, pollMs: 20, ...options });
    workers.push(worker);
    return worker;
  };
  const enqueue = (burn: BurnEvent, now = new Date()) =>
    enqueueBurn(prisma, { platform: "telegram", consumer: "telegram:burns", burn, now });
  const rowsOf = (chatId: string) =>
    prisma.alertDelivery.findMany({ where: { platform: "telegram", chatId }, orderBy: { id: "asc" } });
  const allSent = async () =>
    (await prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) === 0;

  beforeAll(async () => {
    prisma = (await setupPostgres("delivery_worker")).prisma;
  }, 60_000);

  beforeEach(async () => {
    await prisma.alertDelivery.deleteMany();
    await prisma.alertSubscription.deleteMany();
  });

  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    workers = [];
  });

  it("sends each row exactly once with two workers sharing the outbox", async () => {
    const chats = Array.from({ length: 120 }, (_, i) => `${1000 + i}`);
    for (const chatId of chats) await subscribe(prisma, chatId);
    for (let n = 1; n <= 3; n++) await enqueue(testBurn(n, 10n));
    // Some latency, so both workers have sends in flight at once.
    const answer = async (): Promise<SendResult> => {
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 4));
      return { kind: "sent", messageId: "1" };
    };
    const a = recordingSender("telegram", answer);
    const b = recordingSender("telegram", answer);
    start({ sender: a.sender, policy: noLimits, workerId: "a", concurrency: 8 });
    start({ sender: b.sender, policy: noLimits, workerId: "b", concurrency: 8 });

    await waitFor(allSent, 30_000);
    const sends = [...a.calls, ...b.calls];
    expect(sends).toHaveLength(360);
    expect(new Set(sends.map((call) => `${call.chatId}:${call.idempotencyKey}`)).size).toBe(360);
    expect(a.calls.length).toBeGreaterThan(0);
    expect(b.calls.length).toBeGreaterThan(0);
    const rows = await prisma.alertDelivery.findMany();
    expect(rows.every((row) => row.status === "sent" && row.messageId === "1" && row.sentAt)).toBe(true);
    // A chat reads its burns in the order they were burned.
    const toFirstChat = sends.filter((call) => call.chatId === "1000").sort((x, y) => x.at - y.at);
    expect(toFirstChat.map((call) => call.view.title)).toEqual(
      ["10", "10", "10"].map((amount) => `🔥 ${amount} SORA burned`),
    );
  });

  it("makes a digest chat's burst ONE message with the count and the total", async () => {
    await subscribe(prisma, "-2001", { mode: "digest", digestWindowMinutes: 60 });
    // Routed two hours ago: the digest's window has ended, so it is due now.
    const routedAt = new Date(Date.now() - 2 * 3_600_000);
    const burns = [testBurn(1, 3n), testBurn(2, 4n), testBurn(3, 5n)];
    for (const burn of burns) await enqueue(burn, routedAt);
    const { sender, calls } = recordingSender();
    start({ sender, policy: noLimits });

    await waitFor(allSent);
    expect(calls).toHaveLength(1);
    const total = formatTokenNumber({ raw: 12n * e18, decimals: 18 }, "en");
    expect(calls[0]?.view.title).toBe(`🔥 3 burns: ${total} SORA`);
    expect((await rowsOf("-2001")).map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("writes in the chat's language at send time", async () => {
    await subscribe(prisma, "3001", {}, { locale: "en" });
    await enqueue(testBurn(1, 2n));
    await subscribe(prisma, "3001", {}, { locale: "zh" });
    const { sender, calls } = recordingSender();
    start({ sender, policy: noLimits });
    await waitFor(allSent);
    expect(calls[0]?.view.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("loses nothing when a worker dies mid-broadcast: another takes its rows once the lease lapses", async () => {
    const chats = Array.from({ length: 40 }, (_, i) => `${4000 + i}`);
    for (const chatId of chats) await subscribe(prisma, chatId);
    await enqueue(testBurn(1, 10n));
    // The "crashed" worker: its sends never return, and it is never stopped.
    const stuck = recordingSender("telegram", () => new Promise<SendResult>(() => {}));
    startDeliveryWorker({ prisma, sender: stuck.sender, policy: noLimits, leaseMs: 1_000, concurrency: 4 });
    await waitFor(() => stuck.calls.length === 4);

    const { sender, calls } = recordingSender();
    start({ sender, policy: noLimits, leaseMs: 1_000 });
    await waitFor(allSent);
    // Every chat got its alert; twice at most for the 4 whose sends were in flight at the "crash".
    expect(new Set(calls.map((call) => call.chatId))).toEqual(new Set(chats));
    expect(calls).toHaveLength(40);
    expect(stuck.calls).toHaveLength(4);
  });

  it("gone: unsubscribes the chat, drops its alerts, and queues none for it again", async () => {
    await subscribe(prisma, "-5001");
    await subscribe(prisma, "5002");
    await enqueue(testBurn(1, 1n));
    await enqueue(testBurn(2, 1n));
    const { sender, calls } = recordingSender("telegram", (call) =>
      call.chatId === "-5001"
        ? { kind: "gone", reason: "Forbidden: bot was kicked from the group chat" }
        : { kind: "sent", messageId: "7" },
    );
    start({ sender, policy: noLimits });
    await waitFor(allSent);

    expect(calls.filter((call) => call.chatId === "-5001")).toHaveLength(1);
    expect((await rowsOf("-5001")).map((row) => row.status)).toEqual(["dropped", "dropped"]);
    expect((await rowsOf("5002")).map((row) => row.status)).toEqual(["sent", "sent"]);
    const subscription = await prisma.alertSubscription.findUniqueOrThrow({
      where: { platform_chatId: { platform: "telegram", chatId: "-5001" } },
    });
    expect(subscription.removedReason).toBe("Forbidden: bot was kicked from the group chat");

    await enqueue(testBurn(3, 1n));
    expect(await rowsOf("-5001")).toHaveLength(2);
    expect(await rowsOf("5002")).toHaveLength(3);
  });

  it("retry_after: nothing goes to the chat before the time, not even an alert queued since", async () => {
    await subscribe(prisma, "6001");
    await enqueue(testBurn(1, 1n));
    let limitedAt = 0;
    const { sender, calls } = recordingSender("telegram", (call, all) => {
      if (all.length > 1) return { kind: "sent", messageId: String(all.length) };
      limitedAt = call.at;
      return { kind: "retry_after", retryAfterMs: 1_500 };
    });
    start({ sender, policy: noLimits });
    await waitFor(() => limitedAt > 0);
    await enqueue(testBurn(2, 1n));

    await waitFor(allSent);
    expect(calls).toHaveLength(3);
    for (const call of calls.slice(1)) expect(call.at - limitedAt).toBeGreaterThanOrEqual(1_500);
    expect((await rowsOf("6001")).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  /** Waits for the chat's row to be tried `attempt` times, then lets its backoff pass at once. */
  const triedTimes = async (chatId: string, attempt: number) => {
    const row = await waitFor(async () => {
      const [found] = await rowsOf(chatId);
      return found && found.attempts === attempt && found.status !== "sending" ? found : undefined;
    });
    if (row.status === "pending")
      await prisma.alertDelivery.update({ where: { id: row.id }, data: { sendAfter: new Date(0) } });
    return row;
  };

  it("failed: an outage of the platform loses nothing; the alert goes out once it is back", async () => {
    await subscribe(prisma, "7001");
    await enqueue(testBurn(1, 1n));
    let down = true;
    const { sender, calls } = recordingSender("telegram", (_, all) =>
      down ? { kind: "failed", error: `502 Bad Gateway (${all.length})` } : { kind: "sent", messageId: "71" },
    );
    start({ sender, policy: noLimits });
    const first = await triedTimes("7001", 1);
    // Backed off: not tried again at once.
    expect(first.sendAfter.getTime() - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(4_000);
    // Twenty failures (hours of backoff, at most 5 min apart): still waiting for the platform.
    for (let attempt = 2; attempt <= 20; attempt++) {
      const row = await triedTimes("7001", attempt);
      expect(row.status).toBe("pending");
      expect(row.sendAfter.getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    }
    down = false;
    await waitFor(allSent);
    expect((await rowsOf("7001")).map((row) => row.status)).toEqual(["sent"]);
    expect(calls).toHaveLength(21);
  });

  it("failed: drops an alert a day old that failed again, with its last error", async () => {
    await subscribe(prisma, "7101");
    await enqueue(testBurn(1, 1n));
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000);
    await prisma.alertDelivery.updateMany({
      where: { chatId: "7101" },
      data: { createdAt: dayAgo, attempts: 11 },
    });
    const { sender, calls } = recordingSender("telegram", () => ({
      kind: "failed",
      error: "network: timeout",
    }));
    start({ sender, policy: noLimits });
    await waitFor(allSent);
    expect(await rowsOf("7101")).toMatchObject([
      { status: "dropped", attempts: 12, lastError: "network: timeout" },
    ]);
    expect(calls).toHaveLength(1);
  });

  it("rejected: a message the platform refuses is tried 3 times in all, then dropped", async () => {
    await subscribe(prisma, "7201");
    await enqueue(testBurn(1, 1n));
    const { sender, calls } = recordingSender("telegram", (_, all) => ({
      kind: "rejected",
      error: `400: Bad Request: message is too long (${all.length})`,
    }));
    start({ sender, policy: noLimits });
    for (let attempt = 1; attempt <= 3; attempt++) await triedTimes("7201", attempt);
    expect(await rowsOf("7201")).toMatchObject([
      { status: "dropped", attempts: 3, lastError: "400: Bad Request: message is too long (3)" },
    ]);
    expect(calls).toHaveLength(3);
  });

  it("moved: the group's subscription and unsent alerts follow it to its new id, and go out there", async () => {
    await subscribe(prisma, "-7301", { minAmount: 2n * e18 }, { locale: "zh" });
    await enqueue(testBurn(1, 3n));
    await enqueue(testBurn(2, 4n));
    const { sender, calls } = recordingSender("telegram", (call) =>
      call.chatId === "-7301"
        ? { kind: "moved", toChatId: "-1007301" }
        : { kind: "sent", messageId: String(calls.length) },
    );
    start({ sender, policy: noLimits });
    await waitFor(async () => (await rowsOf("-1007301")).filter((row) => row.status === "sent").length === 2);

    expect(calls.filter((call) => call.chatId === "-7301")).toHaveLength(1);
    const there = calls.filter((call) => call.chatId === "-1007301");
    expect(there.map((call) => call.view.title)).toEqual(
      [3n, 4n].map((sora) => `🔥 销毁 ${formatTokenNumber({ raw: sora * e18, decimals: 18 }, "zh")} SORA`),
    );
    expect(await rowsOf("-7301")).toEqual([]);
    // Later burns are queued for the new id, with the group's settings: the 1 SORA one is below its minimum.
    await enqueue(testBurn(3, 1n));
    await enqueue(testBurn(4, 5n));
    await waitFor(allSent);
    expect((await rowsOf("-1007301")).map((row) => row.eventId)).toEqual(
      [1, 2, 4].map((n) => testBurn(n, 1n).id),
    );
  });

  it("stop() lets the send in flight finish and gives the unsent claimed rows back", async () => {
    await subscribe(prisma, "8001");
    for (let n = 1; n <= 3; n++) await enqueue(testBurn(n, 1n));
    let finish = () => {};
    const { sender, calls } = recordingSender(
      "telegram",
      () => new Promise<SendResult>((resolve) => (finish = () => resolve({ kind: "sent", messageId: "9" }))),
    );
    const worker = startDeliveryWorker({ prisma, sender, policy: noLimits, pollMs: 20 });
    await waitFor(() => calls.length === 1);
    const stopped = worker.stop();
    finish();
    await stopped;

    expect(calls).toHaveLength(1);
    expect((await rowsOf("8001")).map((row) => [row.status, row.claimedBy])).toEqual([
      ["sent", expect.any(String)],
      ["pending", null],
      ["pending", null],
    ]);
  });

  it("waits for room in every limit, shared through Redis by two workers", async () => {
    const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true });
    await redis.connect();
    deferTeardown(() => redis.quit());
    const prefix = `luma-pulse-test:${process.pid}:${Date.now()}`;
    const policy: RateLimitPolicy = {
      limitsFor: (chatId) => [
        { key: `chat:${chatId}`, points: 1, durationMs: 1_000 },
        { key: "global", points: 3, durationMs: 1_000 },
      ],
    };
    for (let i = 0; i < 6; i++) await subscribe(prisma, `${9000 + i}`);
    await enqueue(testBurn(1, 1n));
    await enqueue(testBurn(2, 1n));
    const a = recordingSender();
    const b = recordingSender();
    start({ sender: a.sender, policy, redis, rateLimitPrefix: prefix, workerId: "a" });
    start({ sender: b.sender, policy, redis, rateLimitPrefix: prefix, workerId: "b" });

    await waitFor(allSent);
    const sends = [...a.calls, ...b.calls].sort((x, y) => x.at - y.at);
    expect(sends).toHaveLength(12);
    // Global: at most 3 in any second; per chat: one a second.
    for (let i = 3; i < sends.length; i++)
      expect((sends[i]?.at ?? 0) - (sends[i - 3]?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    for (let i = 0; i < 6; i++) {
      const [first, second] = sends.filter((call) => call.chatId === `${9000 + i}`);
      expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    }
  });
  it("error: a window too short for Redis's whole-second expiry is refused, not a slot held forever", async () => {
    const redis = new Redis("redis://127.0.0.1:6379", { lazyConnect: true });
    await redis.connect();
    deferTeardown(() => redis.quit());
    const gate = createRateGate({ redis, keyPrefix: `luma-pulse-test:short:${process.pid}` });
    await expect(gate.acquire([{ key: "burst", points: 1, durationMs: 100 }])).rejects.toThrow(
      /at least 500 ms with Redis \(got 100 ms\)/,
    );
  });
  it("a gate shared with the bot's replies: alerts and replies together stay within the global limit", async () => {
    const gate = createRateGate({ keyPrefix: "shared" });
    const policy: RateLimitPolicy = { limitsFor: () => [{ key: "global", points: 3, durationMs: 1_000 }] };
    for (let i = 0; i < 3; i++) await subscribe(prisma, `${9100 + i}`);
    // The bot's replies took the whole second's room just before the broadcast.
    const replies: number[] = [];
    for (let i = 0; i < 3; i++) {
      await gate.acquire(policy.limitsFor(""));
      replies.push(Date.now());
    }
    await enqueue(testBurn(1, 1n));
    const { sender, calls } = recordingSender();
    start({ sender, policy, gate });
    await waitFor(allSent);

    const all = [...replies, ...calls.map((call) => call.at)].sort((x, y) => x - y);
    expect(all).toHaveLength(6);
    for (let i = 3; i < all.length; i++)
      expect((all[i] ?? 0) - (all[i - 3] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });
});
