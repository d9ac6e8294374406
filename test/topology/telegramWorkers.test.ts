import { randomBytes } from "node:crypto";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../packages/chat/test/deliveryFixtures.ts";
import { createProtectionConfig } from "../../services/gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../services/gateway/src/startGateway.ts";
import { setupChain } from "../../services/gateway/test/setupChain.ts";
import { startReadyGateway } from "../../services/gateway/test/startReadyGateway.ts";
import { deferTeardown } from "../helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../helpers/setupThrowawayPostgres.ts";
import { burnAlertsSentTo } from "../helpers/telegram/burnAlertsSentTo.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../helpers/telegram/startBotApiStandIn.ts";
import { freePort } from "./helpers/freePort.ts";
import { readMetric } from "./helpers/readMetric.ts";
import { type ServiceProcess, spawnService } from "./helpers/spawnService.ts";
import { waitUntil } from "./helpers/waitUntil.ts";

const CHATS = 200;
const BURNS = 3;
const chatIds = Array.from({ length: CHATS }, (_, i) => String(6_200_000_000 + i));

/**
 * The scaled-out Telegram bot: two processes (`npm run telegram`, webhook mode so that both may run
 * with one token) on one PostgreSQL outbox and one Redis rate gate. Every chat gets every burn alert
 * exactly once, both workers take part, and together they stay within Telegram's limits.
 */
describe("two Telegram delivery workers", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let databaseUrl: string;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let standIn: BotApiStandIn;
  const redisPrefix = `luma-topology-${randomBytes(6).toString("hex")}:`;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, parseUnits("100000", 18));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, parseUnits("0.05", 18));
    gateway = await startReadyGateway(chain, {
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
    });
    // Migrated here, once: the two bots then find the schema current.
    databaseUrl = await setupThrowawayPostgres("topology_tg");
    database = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl }));
    deferTeardown(() => database.close());
    for (const chatId of chatIds) await subscribe(database.prisma, chatId);
    // Telegram's limits (30 sends a second, one a second per chat), and a little latency.
    standIn = await startBotApiStandIn({ latencyMs: 50 });
    deferTeardown(() => standIn.close());
  }, 180_000);

  /** A bot process, and the origin of its ops endpoints (/readyz, /metrics). */
  const startWorker = async (name: string): Promise<{ process: ServiceProcess; opsUrl: string }> => {
    const opsPort = await freePort();
    const service = spawnService("services/telegram/src/main.ts", {
      TELEGRAM_BOT_TOKEN: standIn.token,
      TELEGRAM_API_ROOT: standIn.apiRoot,
      // Never called: no update is pushed. Distinct per process, as behind a real proxy.
      TELEGRAM_WEBHOOK_URL: `https://127.0.0.1/telegram/${name}`,
      TELEGRAM_WEBHOOK_SECRET: `secret-${name}-${randomBytes(8).toString("hex")}`,
      TELEGRAM_WEBHOOK_PORT: "0",
      OPS_PORT: String(opsPort),
      GATEWAY_URL: gateway.url,
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      REDIS_PREFIX: redisPrefix,
      LOG_LEVEL: "warn",
    });
    return { process: service, opsUrl: `http://127.0.0.1:${opsPort}` };
  };
  const isReady = (opsUrl: string) =>
    fetch(`${opsUrl}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );

  /** Successful sends to `chatId` of the alert of the burn in `txHash` (its hash is in the text). */
  const alertsOf = (chatId: string, txHash: string) => burnAlertsSentTo(standIn.calls, chatId, txHash).length;

  it("drain one outbox with no double send, both taking part, within the shared rate limits", async () => {
    const workers = await Promise.all([startWorker("a"), startWorker("b")]);
    const outputs = () =>
      workers.map((worker, i) => `--- worker ${i}:\n${worker.process.output()}`).join("\n");
    // Both up (ready once their delivery worker and webhook run), and the burn follower has saved
    // its cursor, so the burns below come after it.
    await waitUntil(
      "both bots are ready and the burn cursor is saved",
      async () =>
        (await Promise.all(workers.map((worker) => isReady(worker.opsUrl)))).every(Boolean) &&
        (await database.prisma.streamCursor.count()) > 0,
      { timeoutMs: 60_000, detail: outputs },
    );

    const { actors, members, manifest } = chain;
    const held = await actors.read.balance(manifest.contracts.sora, members.alice);
    const burns: string[] = [];
    for (let i = 0; i < BURNS; i++) {
      const receipt = await actors.sellSora(members.alice, held / BigInt(BURNS + 1));
      burns.push(receipt.transactionHash.toLowerCase());
    }

    const missing = () =>
      chatIds.flatMap((chatId) => burns.filter((txHash) => alertsOf(chatId, txHash) === 0)).length;
    await waitUntil("every chat has every burn's alert", () => missing() === 0, {
      timeoutMs: 90_000,
      intervalMs: 250,
      detail: async () => `${missing()} alerts missing\n${outputs()}`,
    });
    await waitUntil(
      "every outbox row is sent",
      async () => (await database.prisma.alertDelivery.count({ where: { status: { not: "sent" } } })) === 0,
      { timeoutMs: 15_000 },
    );

    const counts = chatIds.flatMap((chatId) => burns.map((txHash) => alertsOf(chatId, txHash)));
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    // Which worker sent a row stays in its claim: both drained part of the outbox.
    const rows = await database.prisma.alertDelivery.groupBy({
      by: ["claimedBy"],
      where: { kind: "burn" },
      _count: { _all: true },
    });
    expect(rows.reduce((sum, row) => sum + row._count._all, 0)).toBe(CHATS * BURNS);
    expect(rows.map((row) => row.claimedBy).filter((owner) => owner !== null)).toHaveLength(2);
    for (const row of rows) expect(row._count._all).toBeGreaterThan(0);
    // Each process counts its own sends: together exactly the alerts Telegram took.
    const sentBy = await Promise.all(
      workers.map((worker) =>
        readMetric(`${worker.opsUrl}/metrics`, "luma_chat_sends_total", {
          platform: "telegram",
          kind: "alert",
          result: "sent",
        }),
      ),
    );
    for (const sent of sentBy) expect(sent).toBeGreaterThan(0);
    const taken = standIn.calls.filter((call) => call.method === "sendMessage" && call.ok).length;
    expect(sentBy.reduce((sum, sent) => sum + sent, 0)).toBe(taken);
    // One Redis gate: neither worker sent into a retry_after window Telegram had opened.
    expect(standIn.violations).toEqual([]);
    expect(workers.map((worker) => worker.process.child.exitCode)).toEqual([null, null]);
  }, 180_000);
});
