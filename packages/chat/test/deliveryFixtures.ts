import { createDbConfig, openDatabase, type PrismaClient } from "@luma-pulse/db";
import { createThrowawayDatabase } from "../../../bench/helpers/createThrowawayDatabase.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type AlertSettings, defaultAlertSettings } from "../src/alerts/AlertSettings.ts";
import type { AlertSender, DeliveryPlatform, SendResult } from "../src/delivery/AlertSender.ts";
import type { BurnEvent } from "../src/gateway/operations/soraBurnedEvent.ts";
import type { Locale } from "../src/i18n/Locale.ts";
import { saveAlertSettings } from "../src/store/alertSubscriptions.ts";
import type { ChatView } from "../src/views/ChatView.ts";

/** One `send` the fake platform received, and when. */
export type SentCall = { chatId: string; view: ChatView; idempotencyKey: string; at: number };

/**
 * An AlertSender that records every send (the only fake here: the platforms are tested with their
 * own stand-ins). `answer` decides the outcome; by default every send succeeds.
 */
export function recordingSender(
  platform: DeliveryPlatform = "telegram",
  answer: (call: SentCall, calls: SentCall[]) => SendResult | Promise<SendResult> = () => ({
    kind: "sent",
    messageId: "1",
  }),
) {
  const calls: SentCall[] = [];
  const sender: AlertSender = {
    platform,
    async send(message) {
      const call = { ...message, at: Date.now() };
      calls.push(call);
      return answer(call, calls);
    },
  };
  return { sender, calls };
}

/** Subscribes a chat with the defaults changed by `settings`. */
export function subscribe(
  prisma: PrismaClient,
  chatId: string,
  settings: Partial<AlertSettings> = {},
  options: { platform?: DeliveryPlatform; locale?: Locale } = {},
) {
  return saveAlertSettings(prisma, {
    platform: options.platform ?? "telegram",
    chatId,
    settings: { ...defaultAlertSettings, ...settings },
    locale: options.locale ?? "en",
  });
}

const e18 = 10n ** 18n;

/** A burn as the stream would carry it: `n` orders it, `sora` is the amount in whole SORA. */
export function testBurn(n: number, sora: bigint, overrides: Partial<BurnEvent> = {}): BurnEvent {
  return {
    id: `test-burn-${n}`,
    amount: sora * e18,
    reason: n % 2 === 0 ? "SELL" : "BUYBACK",
    totalBurned: 150_000_000n * e18 + BigInt(n) * e18,
    txHash: `0x${n.toString(16).padStart(64, "0")}`,
    blockNumber: 1_000n + BigInt(n),
    time: new Date(Date.UTC(2026, 10, 21, 12, 0, n)),
    ...overrides,
  };
}

/** A migrated throwaway database on the machine's PostgreSQL, dropped after the file's tests. */
export async function setupPostgres(label: string) {
  const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const database = await createThrowawayDatabase(serverUrl, label);
  if (!database) throw new Error(`no PostgreSQL answers at ${serverUrl} (set TEST_POSTGRES_URL)`);
  const db = await openDatabase(createDbConfig({ DATABASE_URL: database.url }));
  deferTeardown(async () => {
    await db.close();
    await database.drop();
  });
  return db;
}

/** Polls `check` until it returns something truthy. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
