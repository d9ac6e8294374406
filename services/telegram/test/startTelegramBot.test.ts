import { createServer } from "node:net";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import type { RecordedCall } from "../../../test/helpers/telegram/RecordedCall.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "../../../test/helpers/telegram/telegramUpdates.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../gateway/src/startGateway.ts";
import { queryIntent, reportTx } from "../../gateway/test/intentApi.ts";
import { fundLuma, mined, sendStep } from "../../gateway/test/intentPlans.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { setupDatabase } from "../../gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";
import { anvilAccount } from "../../gateway/test/walletLinkSigner.ts";
import type { TelegramConfig } from "../src/config.ts";
import { type RunningTelegramBot, startTelegramBot } from "../src/startTelegramBot.ts";
import { completeWalletLink } from "./linkWallet.ts";
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

  it("sends a subscribed chat a burn alert from the outbox when SORA is burned on chain", async () => {
    expect(messageText([await ask("/alerts on")])).toMatch(/^Burn alerts\nSaved\./);
    const alert = nextMessageTo(ALICE.id, /SORA burned/, 20_000);
    const { actors, members, manifest } = chain;
    await actors.sellSora(
      members.alice,
      (await actors.read.balance(manifest.contracts.sora, members.alice)) / 2n,
    );
    const text = messageText([await alert()]);
    expect(text).toMatch(/^🔥 [\d,.]+ SORA burned\n/);
    expect(text).toMatch(/Reason: a sell into the pool/);
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
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`, { method: "POST" })).status).toBe(404);
    await running.stop();
    running = undefined;
  });
});
