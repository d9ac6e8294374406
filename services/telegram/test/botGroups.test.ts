import { createGatewayClient, encodeStartPayload, loadAlertSettings } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import { advanceChainBy } from "@luma-pulse/devnet";
import type { Update } from "grammy/types";
import { getAddress, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import {
  commandUpdate,
  GROUP_ANONYMOUS_BOT,
  messageUpdate,
  myChatMemberUpdate,
} from "../../../test/helpers/telegram/telegramUpdates.ts";
import { completeWalletLink } from "../../gateway/test/completeWalletLink.ts";
import { fundLuma } from "../../gateway/test/intentPlans.ts";
import { anvilAccount } from "../../gateway/test/walletLinkSigner.ts";
import { createBot } from "../src/bot.ts";
import { messageText } from "./messageText.ts";
import { type Chain, PUBLIC_URL, setupBotWorld } from "./setupBotWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const ALICE = { id: 5_200_000_001, languageCode: "en" };
const GROUP = { groupId: -1_001_600_000_001, title: "Luma 中文社区" };
const SIGNING_BUTTONS = ["Open signing page", "MetaMask", "Trust Wallet", "OKX Wallet", "QR code"];

/** Alice holds an option position with rewards partly released, and LUMA to stake. */
async function seed(chain: Chain) {
  const { actors, members, manifest, deployer } = chain;
  await actors.optionStake(members.alice, e18("100000"));
  await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
  await actors.buySora(members.alice, e18("0.05"));
  for (let day = 0; day < 3; day++) {
    await advanceChainBy(deployer, 86_400n);
    await actors.rebaseIfDue();
  }
  await fundLuma(chain, members.alice, e18("1000"));
}

describe("groups, deep links and wallet commands", () => {
  let world: Awaited<ReturnType<typeof setupBotWorld>>;
  const ask = (text: string, from = ALICE, chat: "private" | typeof GROUP = "private") =>
    world.send(commandUpdate({ text, chat, from }));

  beforeAll(async () => {
    world = await setupBotWorld(seed);
  }, 180_000);

  it("a wallet command in a group answers there with a button to continue in the private chat", async () => {
    const answer = await ask("/stake 100 luma", ALICE, GROUP);
    expect(answer.text).toBe(
      "Continue in private chat\nWallet matters stay out of groups: continue in a private chat with me.",
    );
    const payload = encodeStartPayload("stake", ["100", "luma"]);
    expect(answer.buttons).toEqual([
      {
        label: "Continue in private chat",
        url: `https://t.me/${world.bot.botInfo.username}?start=${payload}`,
      },
    ]);
    // It quotes the member's command, so the group sees whom it answers.
    expect(answer.calls[0]?.params.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    const zh = await ask("/质押", { id: 5_200_000_002, languageCode: "zh" }, GROUP);
    expect(zh.calls).toEqual([]); // an unknown non-ASCII command in a group is not ours to answer
    const zhStake = await ask("/stake 5 pop", { id: 5_200_000_002, languageCode: "zh" }, GROUP);
    expect(zhStake.text).toBe("在私聊中继续\n钱包相关操作不在群组中进行：请在与我的私聊中继续。");
    expect(zhStake.buttons[0]?.label).toBe("在私聊中继续");
  });

  it("/start with that payload in the private chat runs the command: link first, then the plan to sign", async () => {
    const payload = encodeStartPayload("stake", ["100", "luma"]);
    expect((await ask(`/start ${payload}`)).text).toMatch(
      /^No wallet linked\nLink your wallet first with \/link/,
    );

    const link = await ask("/link");
    expect(link.text).toMatch(/^Link a wallet\n/);
    expect(link.buttons[0]?.url).toMatch(new RegExp(`^${PUBLIC_URL}/link/[\\w-]+$`));
    const linked = await completeWalletLink(world.gateway.url, link.buttons[0]?.url ?? "", anvilAccount(1));
    expect(linked).toBe(getAddress(world.chain.members.alice));

    const plan = await ask(`/start ${payload}`);
    expect(plan.text).toMatch(/^Stake LUMA\n/);
    expect(plan.text).toMatch(/You give: 100 LUMA/);
    expect(plan.text).toMatch(/Verification code: [2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}/);
    expect(plan.buttons.map((b) => b.label)).toEqual(SIGNING_BUTTONS);
    const [, intentId] = /\/sign\/([\w-]+)$/.exec(plan.buttons[0]?.url ?? "") ?? [];
    // The message is followed, to be edited when the intent settles.
    const sent = plan.calls.at(-1)?.message;
    const tracked = await world.database.prisma.intentMessage.findFirst({ where: { intentId } });
    expect(tracked).toMatchObject({
      platform: "telegram",
      chatId: String(ALICE.id),
      messageId: String(sent?.message_id),
      locale: "en",
      shown: "pending",
    });
  });

  it("every wallet command answers in the private chat in English and Chinese", async () => {
    const zh = { ...ALICE, languageCode: "zh" };
    expect((await ask("/position")).text).toMatch(/^Wallet 0x\w{4}…\w{4}\n.*Option position #0/s);
    expect((await ask("/position", zh)).text).toMatch(/^钱包 0x\w{4}…\w{4}\n/);
    expect((await ask("/stake 10 luma", zh)).text).toMatch(/^质押 LUMA\n.*验证码: /s);
    expect((await ask("/stake 1 pop")).text).toMatch(
      /^(Stake POP\n.*Verification code: |That did not work\n)/s,
    );
    expect((await ask("/claim")).text).toMatch(/^Claim released LUMA\n.*Verification code: /s);
    expect((await ask("/claim", zh)).text).toMatch(
      /^领取已释放的 LUMA\n.*\n1\. 领取仓位 #0 已释放的 LUMA\n.*验证码: /s,
    );
    const release = await ask("/release");
    expect(release.text).toMatch(/^Release early\n.*Before you release early\n.*Fee now \(burned\): /s);
    expect(release.text.indexOf("Fee now")).toBeLessThan(release.text.indexOf("Verification code"));
    expect((await ask("/release", zh)).text).toMatch(/提前释放前请注意/);
    expect((await ask("/buy_sora 0.01")).text).toMatch(
      /^Buy SORA\n.*You give: 0\.01 LUMA\n.*Verification code: /s,
    );
    expect((await ask("/sell_sora 1000000", zh)).text).toMatch(/SORA 余额不足/);
    expect((await ask("/unstake 10")).text).toMatch(/^That did not work\nThe wallet holds no sLUMA\.$/);
    expect((await ask("/unlink", zh)).text).toMatch(/^已绑定的钱包\n0x\w{40} 已解除绑定。$/);
    expect((await ask("/position")).text).toMatch(/^No wallet linked\n/);
  });

  it("/alerts in a group: members are refused; admins, the creator and anonymous admins change it", async () => {
    const member = { id: 5_200_000_010, languageCode: "en" };
    const admin = { id: 5_200_000_011, languageCode: "zh" };
    const creator = { id: 5_200_000_012, languageCode: "en" };
    world.standIn.setChatMember(GROUP.groupId, member.id, "member");
    world.standIn.setChatMember(GROUP.groupId, admin.id, "administrator");
    world.standIn.setChatMember(GROUP.groupId, creator.id, "creator");

    expect((await ask("/alerts on", member, GROUP)).text).toBe(
      "That did not work\nOnly the chat's admins can change its alerts.",
    );
    expect((await ask("/alerts digest 15", admin, GROUP)).text).toMatch(
      /^销毁提醒\n已保存。\n\n.*每 15 分钟/s,
    );
    expect((await ask("/alerts min 500", creator, GROUP)).text).toMatch(
      /^Burn alerts\nSaved\.\n\n.*Smallest burn alerted: 500 SORA/s,
    );
    const before = world.standIn.callsTo("getChatMember").length;
    const anonymous = await world.send(
      commandUpdate({ text: "/alerts off", chat: GROUP, anonymousAdmin: true }),
    );
    expect(anonymous.text).toMatch(/^Burn alerts\nSaved\.\n\nAlerts: off/);
    expect(world.standIn.callsTo("getChatMember").length).toBe(before);

    const row = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "telegram", chatId: String(GROUP.groupId) } },
    });
    expect(row?.settings).toMatchObject({ enabled: false, mode: "digest", digestWindowMinutes: 15 });
    // A /sora in the group costs no membership lookup: only /alerts needs an admin.
    await ask("/price", member, GROUP);
    expect(world.standIn.callsTo("getChatMember").length).toBe(before);
  });

  it("removed from a group, the bot unsubscribes it at once", async () => {
    await world.send(myChatMemberUpdate({ chat: GROUP, oldStatus: "member", newStatus: "kicked" }));
    const row = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "telegram", chatId: String(GROUP.groupId) } },
    });
    expect(row?.removedAt).toBeInstanceOf(Date);
    expect(row?.removedReason).toBe("bot removed");
  });

  it("anonymous admins: a group's /lang is its own, and /alerts keeps the group's language", async () => {
    const zhAdmin = { id: 5_200_000_021, languageCode: "zh" };
    const subscribed = { groupId: -1_001_600_000_002, title: "Luma 群" };
    world.standIn.setChatMember(subscribed.groupId, zhAdmin.id, "administrator");
    await ask("/alerts on", zhAdmin, subscribed);
    const anonymous = (text: string, chat: { groupId: number }) =>
      world.send(commandUpdate({ text, chat, anonymousAdmin: true }));
    // Telegram names the shared GroupAnonymousBot (no language) as the sender: the group's alert
    // language answers, and stays.
    expect((await anonymous("/alerts min 5", subscribed)).text).toMatch(/^销毁提醒\n已保存。/);
    const row = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "telegram", chatId: String(subscribed.groupId) } },
    });
    expect(row?.locale).toBe("zh");

    expect((await anonymous("/lang zh", { groupId: -1_001_600_000_003 })).text).toBe(
      "语言\n之后我将用中文回复你。",
    );
    expect((await anonymous("/price", { groupId: -1_001_600_000_003 })).text).toMatch(/^价格\n/);
    // Another group's anonymous admins keep their own language.
    expect((await anonymous("/price", { groupId: -1_001_600_000_004 })).text).toMatch(/^Prices\n/);
    const shared = await world.database.prisma.chatUserPreference.findUnique({
      where: { platform_userId: { platform: "telegram", userId: String(GROUP_ANONYMOUS_BOT.id) } },
    });
    expect(shared).toBeNull();
  });

  it("a group upgraded to a supergroup keeps its alerts under the new id", async () => {
    const admin = { id: 5_200_000_031, languageCode: "en" };
    const oldId = -4_100_000_001;
    const newId = -1_004_100_000_001;
    world.standIn.setChatMember(oldId, admin.id, "administrator");
    await ask("/alerts on", admin, { groupId: oldId, title: "Luma Community" });
    await ask("/alerts min 250", admin, { groupId: oldId, title: "Luma Community" });
    // Telegram's service message in the old group, naming the supergroup's id.
    const migration: Update = {
      update_id: 650_000_001,
      message: {
        message_id: 9_001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: oldId, type: "group", title: "Luma Community" },
        from: { id: admin.id, is_bot: false, first_name: "Admin" },
        migrate_to_chat_id: newId,
      },
    };
    expect((await world.send(migration)).calls).toEqual([]);
    const prisma = world.database.prisma;
    expect(await loadAlertSettings(prisma, "telegram", String(newId))).toMatchObject({
      enabled: true,
      minAmount: e18("250"),
    });
    const stillOld = await prisma.alertSubscription.findFirst({
      where: { platform: "telegram", chatId: String(oldId), removedAt: null },
    });
    expect(stillOld).toBeNull();
  });

  it("error: while the database is down, group chatter gets no reply; commands for the bot get the apology", async () => {
    const failing = () => Promise.reject(new Error("database is down"));
    const down = new Proxy({}, { get: () => new Proxy({}, { get: () => failing }) }) as PrismaClient;
    const logs: string[] = [];
    const bot = createBot(
      { token: world.standIn.token, apiRoot: world.standIn.apiRoot },
      {
        prisma: down,
        gateway: createGatewayClient({ url: world.gateway.url }),
        log: (message) => logs.push(message),
      },
    );
    await bot.init();
    const group = { groupId: -1_001_600_000_009 };
    const callsFor = async (update: Update) => {
      const from = world.standIn.calls.length;
      await bot.handleUpdate(update);
      return world.standIn.calls.slice(from).filter((call) => call.method === "sendMessage");
    };
    expect(await callsFor(messageUpdate({ text: "gm everyone", chat: group, from: ALICE }))).toEqual([]);
    expect(await callsFor(commandUpdate({ text: "/ban@modbot spam", chat: group, from: ALICE }))).toEqual([]);
    expect(await callsFor(commandUpdate({ text: "/ban spammer", chat: group, from: ALICE }))).toEqual([]);
    expect(logs).toEqual([]);
    const apology = await callsFor(commandUpdate({ text: "/price", chat: group, from: ALICE }));
    expect(messageText(apology)).toMatch(/^That did not work\nSomething went wrong on our side/);
  });

  it("error: a failure inside the bot is logged with its update and answered with a short apology", async () => {
    world.standIn.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: can't parse entities",
    });
    const answer = await ask("/help");
    expect(answer.text).toBe(
      "That did not work\nSomething went wrong on our side; it has been logged. Please try again in a minute.",
    );
    expect(world.logs.at(-1)).toMatchObject({
      message: "telegram update failed",
      extra: { updateId: expect.any(Number), error: expect.stringMatching(/can't parse entities/) },
    });
  });
});
