import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { subscribe } from "../../../packages/chat/test/deliveryFixtures.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { burnAlertsSentTo } from "../../../test/helpers/telegram/burnAlertsSentTo.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../gateway/src/startGateway.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";

const e18 = (value: string) => parseUnits(value, 18);
const ROOT = resolve(import.meta.dirname, "../../..");
const CHATS = 90;
const chatIds = Array.from({ length: CHATS }, (_, i) => String(6_100_000_000 + i));

/**
 * The bot as its own process (`npm run telegram`), killed (SIGKILL: no stop, no drain) in the middle
 * of a burn alert's broadcast to 90 chats, then started again on the same database: every chat gets
 * the alert, and a chat gets it twice only if its send was in flight at the crash.
 */
describe("a crash in the middle of a broadcast", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let databaseUrl: string;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let standIn: BotApiStandIn;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.05"));
    gateway = await startReadyGateway(chain, {
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
    });
    databaseUrl = await setupThrowawayPostgres("tg_crash");
    database = await openDatabase(createDbConfig({ DATABASE_URL: databaseUrl }));
    deferTeardown(() => database.close());
    for (const chatId of chatIds) await subscribe(database.prisma, chatId);
    // Telegram's limits, and a little latency: the broadcast takes about three seconds.
    standIn = await startBotApiStandIn({ latencyMs: 50 });
    deferTeardown(() => standIn.close());
  }, 180_000);

  const startBotProcess = (): ChildProcess => {
    const child = spawn(process.execPath, ["--import", "tsx", "services/telegram/src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        TELEGRAM_BOT_TOKEN: standIn.token,
        TELEGRAM_API_ROOT: standIn.apiRoot,
        GATEWAY_URL: gateway.url,
        DATABASE_URL: databaseUrl,
        // Any free port: the default one may be taken by another bot on this machine.
        OPS_PORT: "0",
      },
      stdio: "ignore",
    });
    deferTeardown(() => (child.exitCode === null ? child.kill("SIGKILL") : undefined));
    return child;
  };
  const alertsTo = (chatId: string) => burnAlertsSentTo(standIn.calls, chatId);
  const until = async (done: () => boolean | Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
    }
  };

  it("loses no alert, and sends twice at most what was in flight when it died", async () => {
    const first = startBotProcess();
    // Subscribed once its cursor is saved: the burn below comes after it.
    await until(async () => (await database.prisma.streamCursor.count()) > 0, 30_000);
    const { actors, members, manifest } = chain;
    await actors.sellSora(members.alice, await actors.read.balance(manifest.contracts.sora, members.alice));

    const alerted = () => chatIds.filter((chatId) => alertsTo(chatId).length > 0).length;
    await until(() => alerted() >= 20, 30_000);
    first.kill("SIGKILL");
    await once(first, "exit");
    const inFlight = await database.prisma.alertDelivery.count({ where: { status: "sending" } });
    const sentBeforeCrash = alerted();
    expect(sentBeforeCrash).toBeLessThan(CHATS); // it died mid-broadcast

    // The crashed worker's claims lapse with their lease (30 s): then the new process sends them too.
    startBotProcess();
    await until(() => alerted() === CHATS, 75_000);
    await until(
      async () => (await database.prisma.alertDelivery.count({ where: { status: { not: "sent" } } })) === 0,
      10_000,
    );
    const doubled = chatIds.filter((chatId) => alertsTo(chatId).length > 1);
    expect(doubled.length).toBeLessThanOrEqual(inFlight);
    expect(chatIds.filter((chatId) => alertsTo(chatId).length > 2)).toEqual([]);
    expect(standIn.violations).toEqual([]);
  }, 150_000);
});
