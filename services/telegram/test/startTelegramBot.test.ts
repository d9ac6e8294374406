import { createServer } from "node:net";
import { createGatewayClient, type GatewayClient } from "@luma-pulse/chat";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import type { RecordedCall } from "../../../test/helpers/telegram/RecordedCall.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "../../../test/helpers/telegram/telegramUpdates.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../gateway/src/startGateway.ts";
import { completeWalletLink } from "../../gateway/test/completeWalletLink.ts";
import { queryIntent, reportTx } from "../../gateway/test/intentApi.ts";
import { fundLuma, mined, sendStep } from "../../gateway/test/intentPlans.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { setupDatabase } from "../../gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";
import { anvilAccount } from "../../gateway/test/walletLinkSigner.ts";
import type { TelegramConfig } from "../src/config.ts";
import { type RunningTelegramBot, startTelegramBot } from "../src/startTelegramBot.ts";
import { buttonsOf, messageText } from "./messageText.ts";
import { PUBLIC_URL, SERVICE_TOKEN } from "./setupBotWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const ALICE = { id: 5_300_000_001, languageCode: "en" };
const BOB = { id: 5_300_000_002, languageCode: "zh" };

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("startTelegramBot", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let database: Awaited<ReturnType<typeof setupDatabase>>;
  let standIn: BotApiStandIn;
  let config: TelegramConfig;
  let running: RunningTelegramBot | undefined;

  /** The bot's next message to `chatId` (after the calls made so far), once it arrives. */
  const nextMessageTo = (chatId: number, matching: RegExp = /./, timeoutMs = 10_000) => {
    const from = standIn.calls.length;
    return () =>
      standIn.waitFor(
        (call) =>
          standIn.calls.indexOf(call) >= from &&
          call.ok &&
          call.chatId === String(chatId) &&
          matching.test(messageText([call])),
        timeoutMs,
      );
  };
  const ask = async (text: string, from = ALICE, matching?: RegExp): Promise<RecordedCall> => {
    const answer = nextMessageTo(from.id, matching);
    standIn.pushUpdate(commandUpdate({ text, chat: "private", from }));
    return answer();
  };

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.05"));
    await fundLuma(chain, members.alice, e18("1000"));
    gateway = await startReadyGateway(chain, {
      signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: SERVICE_TOKEN },
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
    });
    database = await setupDatabase();
    // Telegram's send limits on: the bot's replies and alerts must stay within them.
    standIn = await startBotApiStandIn();
    deferTeardown(() => standIn.close());
    config = {
      token: standIn.token,
      apiRoot: standIn.apiRoot,
      gatewayUrl: gateway.url,
      gatewayServiceToken: SERVICE_TOKEN,
      explorer: { txUrlTemplate: "https://scan.example.org/tx/{hash}" },
    };
    running = await startTelegramBot({ config, prisma: database.prisma, log: () => {} });
    deferTeardown(() => running?.stop());
  }, 180_000);

  it("starts by long polling, with its username and its command menus registered", async () => {
    expect(running?.username).toBe("luma_pulse_test_bot");
    expect(standIn.callsTo("setMyCommands").filter((call) => call.ok)).toHaveLength(6);
    expect(standIn.callsTo("deleteWebhook")).toHaveLength(1);
    expect(messageText([await ask("/price", BOB)])).toMatch(/^价格\n/);
  });

  it("sends a subscribed chat a burn alert from the outbox when SORA is burned on chain, linking the transaction", async () => {
    expect(messageText([await ask("/alerts on")])).toMatch(/^Burn alerts\nSaved\./);
    const alert = nextMessageTo(ALICE.id, /SORA burned/, 20_000);
    const { actors, members, manifest } = chain;
    await actors.sellSora(
      members.alice,
      (await actors.read.balance(manifest.contracts.sora, members.alice)) / 2n,
    );
    const call = await alert();
    const text = messageText([call]);
    expect(text).toMatch(/^🔥 [\d,.]+ SORA burned\n/);
    expect(text).toMatch(/Reason: a sell into the pool/);
    expect(buttonsOf([call])).toEqual([
      {
        label: "View transaction",
        url: expect.stringMatching(/^https:\/\/scan\.example\.org\/tx\/0x[0-9a-f]{64}$/),
      },
    ]);
    expect(standIn.violations).toEqual([]);
  });

  it("edits a signing plan's message once its transactions are confirmed on chain", async () => {
    const link = await ask("/link");
    await completeWalletLink(gateway.url, buttonsOf([link])[0]?.url ?? "", anvilAccount(1));
    const plan = await ask("/stake 100 luma", ALICE, /^Stake LUMA/);
    const intentId = /\/sign\/([\w-]+)$/.exec(buttonsOf([plan])[0]?.url ?? "")?.[1] ?? "";
    const edited = standIn.waitFor(
      (call) =>
        call.method === "editMessageText" &&
        call.ok &&
        call.params.message_id === plan.message?.message_id &&
        /^✓ Confirmed/.test(messageText([call])),
      20_000,
    );
    const { intent } = await queryIntent(gateway.url, intentId);
    for (const step of intent?.steps ?? []) {
      const hash = await sendStep(chain, chain.members.alice, step as never);
      await mined(chain, hash);
      await reportTx(gateway.url, intentId, step.index, hash);
    }
    const call = await edited;
    expect(messageText([call])).toMatch(/^✓ Confirmed · Stake LUMA\n/);
    expect(call.message?.reply_markup).toBeUndefined();
  });

  it("stops taking updates when stopped; in webhook mode, takes Telegram's posts with the secret token only", async () => {
    await running?.stop();
    running = undefined;
    standIn.pushUpdate(commandUpdate({ text: "/price", chat: "private", from: ALICE }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const restartedAt = Date.now();
    running = await startTelegramBot({
      config: { ...config, webhook: { url, secretToken: "hook-secret_123", port } },
      prisma: database.prisma,
      log: () => {},
    });
    expect(running.webhookPort).toBe(port);
    expect(standIn.callsTo("setWebhook").at(-1)?.params).toMatchObject({
      url,
      secret_token: "hook-secret_123",
    });
    // The update sent while the bot was down is answered only now, having come by webhook.
    const answered = await standIn.waitFor(
      (call) => call.ok && call.chatId === String(ALICE.id) && /^Prices\n/.test(messageText([call])),
    );
    expect(answered.at).toBeGreaterThanOrEqual(restartedAt);
    expect(messageText([await ask("/lang")])).toMatch(/^Language\n/);

    const forged = await fetch(url, {
      method: "POST",
      body: JSON.stringify(commandUpdate({ text: "/help", chat: "private", from: ALICE })),
    });
    expect(forged.status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/telegram/hook`)).status).toBe(404);
    // A reverse proxy that strips the public path's prefix still gets Telegram's posts through.
    const stripped = await fetch(`http://127.0.0.1:${port}/`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "hook-secret_123" },
      body: JSON.stringify(commandUpdate({ text: "/help", chat: "private", from: BOB })),
    });
    expect(stripped.status).toBe(200);
    expect(
      standIn
        .sentMessages(BOB.id)
        .map((call) => messageText([call]))
        .at(-1),
    ).toMatch(/^命令\n/);
    await running.stop();
    running = undefined;
  });

  it("on stop, lets a command being handled finish and answer before the rest stops", async () => {
    let reached = () => {};
    const asked = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const real = createGatewayClient({ url: gateway.url, serviceToken: SERVICE_TOKEN });
    const slowGateway: GatewayClient = {
      endpoint: real.endpoint,
      async request(request) {
        reached();
        await released;
        return real.request(request);
      },
    };
    const bot = await startTelegramBot({
      config,
      prisma: database.prisma,
      log: () => {},
      gateway: slowGateway,
    });
    const before = standIn.sentMessages(ALICE.id).length;
    standIn.pushUpdate(commandUpdate({ text: "/price", chat: "private", from: ALICE }));
    await asked;
    const stopped = bot.stop().then(() => standIn.sentMessages(ALICE.id).length);
    // Long enough for a stop that does not wait to be done; then the gateway answers.
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 1_500))]);
    release();
    expect(await stopped).toBe(before + 1);
    expect(messageText(standIn.sentMessages(ALICE.id).slice(-1))).toMatch(/^Prices\n/);
  });

  it("error: when Telegram refuses long polling for good, reports why in one line instead of crashing", async () => {
    for (const [error_code, description, reason] of [
      [
        409,
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
        /^Telegram refused long polling \(409\): another process is polling with this bot token/,
      ],
      [401, "Unauthorized", /^Telegram refused long polling \(401\): the bot token was revoked/],
    ] as const) {
      standIn.failNext("getUpdates", { error_code, description });
      let fatal = (_line: string) => {};
      const line = new Promise<string>((resolve) => {
        fatal = resolve;
      });
      running = await startTelegramBot({
        config,
        prisma: database.prisma,
        log: () => {},
        onFatal: (_error, reason) => fatal(reason),
      });
      expect(await line).toMatch(reason);
      await running.stop();
      running = undefined;
    }
  });
});
