import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueBurn } from "../../../packages/chat/src/delivery/enqueueBurn.ts";
import { subscribe, testBurn, waitFor } from "../../../packages/chat/test/deliveryFixtures.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { burnAlertsSentTo } from "../../../test/helpers/telegram/burnAlertsSentTo.ts";
import {
  type BotApiStandIn,
  type BotApiStandInOptions,
  startBotApiStandIn,
} from "../../../test/helpers/telegram/startBotApiStandIn.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const CHATS = 90;
const chatIds = Array.from({ length: CHATS }, (_, i) => String(6_500_000_000 + i));

/** The bot as its own process, its JSON lines as they come, and where its ops server listens. */
type BotProcess = {
  child: ChildProcess;
  exited: Promise<number | null>;
  opsUrl: Promise<string>;
  output(): string;
};

/** `npm run telegram` against the stand-in and the database, its ops server on any free port. */
function startBotProcess(standIn: BotApiStandIn, databaseUrl: string): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "services/telegram/src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      TELEGRAM_BOT_TOKEN: standIn.token,
      TELEGRAM_API_ROOT: standIn.apiRoot,
      // Nothing listens there: the outbox below is filled by the test, not by the burn subscription.
      GATEWAY_URL: "http://127.0.0.1:9",
      DATABASE_URL: databaseUrl,
      OPS_PORT: "0",
      OPS_HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  deferTeardown(() => (child.exitCode === null ? child.kill("SIGKILL") : undefined));
  let output = "";
  const opsUrl = new Promise<string>((resolveUrl) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const running = /"opsUrl":"([^"]+)"/.exec(output);
      if (running?.[1]) resolveUrl(running[1]);
    });
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, opsUrl, output: () => output };
}

/**
 * The bot as its own process (`npm run telegram`) stopped by SIGTERM in the middle of a burn alert's
 * broadcast to 90 chats: it stops taking work, lets the sends in flight finish, gives the rest back to
 * the outbox and exits 0; started again, it sends the rest. Every chat gets the alert exactly once.
 */
describe("SIGTERM in the middle of a broadcast", () => {
  let databaseUrl: string;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let standIn: BotApiStandIn;

  beforeAll(async () => {
    databaseUrl = await setupThrowawayPostgres("tg_shutdown");
    database = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl }));
    deferTeardown(() => database.close());
    for (const chatId of chatIds) await subscribe(database.prisma, chatId);
    // Telegram's limits, and a far-away Telegram: each send is in flight for a second, so a stop
    // always finds some to wait for.
    standIn = await startBotApiStandIn({ latencyMs: 1_000 });
    deferTeardown(() => standIn.close());
  }, 60_000);

  const alertsTo = (chatId: string) => burnAlertsSentTo(standIn.calls, chatId);
  const alerted = () => chatIds.filter((chatId) => alertsTo(chatId).length > 0).length;
  const rows = (where: NonNullable<Parameters<typeof database.prisma.alertDelivery.count>[0]>["where"]) =>
    database.prisma.alertDelivery.count({ where });

  it("drains and exits 0, leaving nothing claimed; a restart sends the rest, each chat exactly once", async () => {
    await enqueueBurn(database.prisma, {
      platform: "telegram",
      consumer: "telegram:burns",
      burn: testBurn(1, 25n),
      now: new Date(),
    });
    const first = startBotProcess(standIn, databaseUrl);
    const opsUrl = await first.opsUrl;
    expect(await (await fetch(`${opsUrl}/readyz`)).json()).toEqual({ ready: true, problems: [] });

    await waitFor(() => alerted() >= 20, 30_000);
    first.child.kill("SIGTERM");
    // Draining: the sends in flight take their second to be answered, and the bot says it is not ready.
    const draining = await fetch(`${opsUrl}/readyz`);
    expect([draining.status, await draining.json()]).toEqual([503, { ready: false, problems: ["stopping"] }]);
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const sentBeforeStop = alerted();
    expect(sentBeforeStop).toBeLessThan(CHATS); // it stopped mid-broadcast
    // Each send that reached Telegram was recorded; the rest went back to pending, claimed by nobody.
    expect(await rows({ status: "sent" })).toBe(sentBeforeStop);
    expect(await rows({ status: "sending" })).toBe(0);
    expect(
      await rows({ status: "pending", OR: [{ claimedBy: { not: null } }, { leaseUntil: { not: null } }] }),
    ).toBe(0);

    const second = startBotProcess(standIn, databaseUrl);
    await waitFor(() => alerted() === CHATS, 60_000);
    await waitFor(async () => (await rows({ status: { not: "sent" } })) === 0, 10_000);
    expect(chatIds.filter((chatId) => alertsTo(chatId).length !== 1)).toEqual([]);
    expect(standIn.violations).toEqual([]);
    second.child.kill("SIGTERM");
    expect(await second.exited, second.output()).toBe(0);
  }, 120_000);
});

/** A database of its own with `chats` subscribed and one burn alert waiting for them, and a Telegram. */
async function setupAlertWaiting(name: string, chats: string[], standInOptions: BotApiStandInOptions) {
  const databaseUrl = await setupThrowawayPostgres(name);
  const database = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl }));
  deferTeardown(() => database.close());
  for (const chatId of chats) await subscribe(database.prisma, chatId);
  await enqueueBurn(database.prisma, {
    platform: "telegram",
    consumer: "telegram:burns",
    burn: testBurn(1, 25n),
    now: new Date(),
  });
  const standIn = await startBotApiStandIn(standInOptions);
  deferTeardown(() => standIn.close());
  return { databaseUrl, prisma: database.prisma, standIn };
}

describe("SIGTERM while the bot is starting", () => {
  it("lets the alert sends the delivery worker began finish, leaves nothing claimed and exits 0", async () => {
    // Each answer takes a second: start-up's last call (deleteWebhook) is still out when the worker,
    // started just before it, sends its first alert.
    const { databaseUrl, prisma, standIn } = await setupAlertWaiting(
      "tg_shutdown_start",
      chatIds.slice(0, 10),
      {
        latencyMs: 1_000,
      },
    );
    const bot = startBotProcess(standIn, databaseUrl);
    await standIn.waitFor((call) => call.method === "sendMessage", 60_000);
    bot.child.kill("SIGTERM");
    expect(await bot.exited, bot.output()).toBe(0);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
    const sent = standIn.sentMessages().length;
    expect(sent).toBeGreaterThan(0);
    expect(await prisma.alertDelivery.count({ where: { status: "sent" } })).toBe(sent);
    expect(await prisma.alertDelivery.count({ where: { status: "sending" } })).toBe(0);
    expect(await prisma.alertDelivery.count({ where: { status: "pending", claimedBy: { not: null } } })).toBe(
      0,
    );
  }, 90_000);
});

describe("Telegram refusing the bot for good", () => {
  it("error: logs why, stops as cleanly and exits 1 when another process polls with the token", async () => {
    const { databaseUrl, standIn } = await setupAlertWaiting("tg_shutdown_fatal", chatIds.slice(0, 3), {});
    standIn.failNext("getUpdates", {
      error_code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    const bot = startBotProcess(standIn, databaseUrl);
    expect(await bot.exited, bot.output()).toBe(1);
    expect(bot.output()).toMatch(/"level":"fatal"[^\n]*Telegram refused long polling \(409\)/);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
  }, 90_000);
});
