import { getAddress, maxUint256, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { commandUpdate, messageUpdate } from "../../../test/helpers/telegram/telegramUpdates.ts";
import { type Chain, setupBotWorld } from "./setupBotWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const EN = { id: 5_100_000_101, languageCode: "en" };
const ZH = { id: 5_100_000_102, languageCode: "zh-hans" };
const GROUP = { groupId: -1_001_500_000_001 };

/** Burns of both kinds (a whale's unstake fee funds a buyback; a member sells SORA) and an option position. */
async function seed({ actors, members, manifest }: Chain) {
  await actors.rebaseStake(members.bob, parseUnits("2000000", 6));
  await actors.unstake(members.bob, maxUint256);
  await actors.buyback(members.keeper);
  await actors.optionStake(members.alice, e18("100000"));
  await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
  await actors.buySora(members.alice, e18("0.05"));
  await actors.sellSora(
    members.alice,
    (await actors.read.balance(manifest.contracts.sora, members.alice)) / 2n,
  );
}

describe("the bot's commands, in English and Chinese", () => {
  let world: Awaited<ReturnType<typeof setupBotWorld>>;
  let alice: string;
  const ask = (text: string, from = EN, chat: "private" | typeof GROUP = "private") =>
    world.send(commandUpdate({ text, chat, from }));

  beforeAll(async () => {
    world = await setupBotWorld(seed);
    alice = getAddress(world.chain.members.alice);
  }, 180_000);

  it("/start and /help introduce the bot and list every command", async () => {
    expect((await ask("/start")).text).toMatch(/^Welcome to Luma Pulse\n.*\nSend \/help for every command/s);
    expect((await ask("/start", ZH)).text).toMatch(/^欢迎使用 Luma Pulse\n/);
    const help = (await ask("/help")).text;
    expect(help).toMatch(
      /^Commands\nWallet commands answer in a private chat\.\n\nProtocol\n\/yields: Staking yields/,
    );
    expect(help).toMatch(/\/stake <amount> <pop\|luma>: Stake POP/);
    expect((await ask("/help", ZH)).text).toMatch(/^命令\n.*\n\n协议数据\n/s);
  });

  it("every answer with protocol data ends with its block and time, in the member's language", async () => {
    for (const command of ["/yields", "/sora", "/burns", "/price", `/position ${alice}`]) {
      expect((await ask(command)).text).toMatch(/\n\nBlock [\d,]+ · \d+ \w{3} \d{4}, \d\d:\d\d UTC$/);
      expect((await ask(command, ZH)).text).toMatch(/\n\n区块 [\d,]+ · \d{4}年\d+月\d+日 \d\d:\d\d UTC$/);
    }
  });

  it("/yields, /burns, /price and /position show the protocol's figures", async () => {
    expect((await ask("/yields")).text).toMatch(/^Yields\n.*APR \(simple\): 54\.75%/s);
    expect((await ask("/yields", ZH)).text).toMatch(/^收益率\n.*年化（单利）: 54\.75%/s);
    const burns = await ask("/burns");
    expect(burns.text).toMatch(/^Latest SORA burns\n.*· sell\n.*· buyback/s);
    expect((await ask("/burns", ZH)).text).toMatch(/· 卖出\n.*· 回购/s);
    expect((await ask("/price")).text).toMatch(/^Prices\n.*SORA: \$\d.*LUMA: \$\d.*POP: \$\d/s);
    expect((await ask("/price", ZH)).text).toMatch(/^价格\n/);
    const position = await ask(`/position ${alice}`);
    expect(position.text).toMatch(/Option position #0\nPOP staked: 100,000 POP/);
    expect((await ask(`/position ${alice}`, ZH)).text).toMatch(/POP/);
  });

  it("/sora sends the burn chart as a PNG photo with the figures", async () => {
    for (const [from, burned] of [
      [EN, "Burned: "],
      [ZH, "已销毁: "],
    ] as const) {
      const answer = await ask("/sora", from);
      const photo = answer.calls.find((call) => call.method === "sendPhoto");
      expect(photo?.ok).toBe(true);
      expect(Object.values(photo?.files ?? {})[0]?.isPng).toBe(true);
      expect(answer.text).toContain(burned);
    }
  });

  it("/lang switches the member's language and keeps it for the next commands", async () => {
    const member = { id: 5_100_000_103, languageCode: "en" };
    expect((await ask("/lang", member)).text).toBe(
      "Language\nI answer you in English.\nChange it with /lang en or /lang zh.",
    );
    expect((await ask("/lang zh", member)).text).toBe("语言\n之后我将用中文回复你。");
    expect((await ask("/price", member)).text).toMatch(/^价格\n/);
    expect((await ask("/price", member, GROUP)).text).toMatch(/^价格\n/);
    expect((await ask("/lang en", member)).text).toBe("Language\nFrom now on I answer you in English.");
    expect((await ask("/price", member)).text).toMatch(/^Prices\n/);
  });

  it("/alerts in a private chat shows and saves that chat's alert settings", async () => {
    // A chat that never subscribed reads as off: /alerts on turns on every burn.
    expect((await ask("/alerts")).text).toMatch(
      /^Burn alerts\n\nAlerts: off\nSmallest burn alerted: 0 SORA\n/,
    );
    expect((await ask("/alerts min 1000")).text).toMatch(
      /^Burn alerts\nSaved\.\n\n.*Smallest burn alerted: 1,000 SORA\n/s,
    );
    expect((await ask("/alerts off", ZH)).text).toMatch(/^销毁提醒\n已保存。\n\n提醒: 关闭\n/);
    const row = await world.database.prisma.alertSubscription.findUnique({
      where: { platform_chatId: { platform: "telegram", chatId: String(ZH.id) } },
    });
    expect(row).toMatchObject({ locale: "zh", removedAt: null });
  });

  it("private chatter gets a hint to /help; a group's chatter gets nothing", async () => {
    const hint = await world.send(messageUpdate({ text: "hello?", chat: "private", from: ZH }));
    expect(hint.text).toBe("命令\n发送 /help 查看全部命令，或发送 /link 绑定钱包。");
    const long = await world.send(messageUpdate({ text: "a".repeat(4096), chat: "private", from: EN }));
    expect(long.text).toBe("Commands\nSend /help for every command, or /link to connect your wallet.");
    expect((await world.send(messageUpdate({ text: "gm everyone", chat: GROUP, from: EN }))).calls).toEqual(
      [],
    );
  });
});

describe("bad input gets a short localized explanation with the right usage, never silence", () => {
  let world: Awaited<ReturnType<typeof setupBotWorld>>;
  const ask = (text: string, from = EN, chat: "private" | typeof GROUP = "private") =>
    world.send(commandUpdate({ text, chat, from }));

  beforeAll(async () => {
    world = await setupBotWorld();
  }, 180_000);

  it.each([
    [
      "/stake abc",
      /^Check the command\n"abc" is not an amount.*\nUsage: \/stake <amount> <pop\|luma> \(or "max" for all of it\)$/s,
    ],
    ["/stake -1 luma", /^Check the command\nThe amount must be positive, not "-1"\.\nUsage: \/stake /],
    [
      "/stake 1e400 luma",
      /^Check the command\nWrite the amount in full digits: "1e400" uses scientific notation\.\nUsage: /,
    ],
    ["/stake 100 btc", /^Check the command\n"btc" is not one of: pop, luma\.\nUsage: \/stake /],
    [
      "/position 0x123",
      /^Check the command\n"0x123" is not a wallet address \(0x followed by 40 hex digits\)\.\nUsage: \/position \[address\]$/,
    ],
    [
      "/yields@otherbot",
      /^Check the command\nThat command is for @otherbot, not for me\. Send \/help for mine\.$/,
    ],
    ["/frobnicate", /^Check the command\nThere is no \/frobnicate command\. Send \/help for the list\.$/],
    [
      `/stake ${"9".repeat(4089)}`,
      /^Check the command\nThat message is too long \(over 300 characters\); send a short command\.$/,
    ],
  ])("%s", async (text, expected) => {
    expect((await ask(text)).text).toMatch(expected);
  });

  it("says the same in Chinese", async () => {
    expect((await ask("/stake abc", ZH)).text).toMatch(
      /^请检查命令\n"abc" 不是有效数量.*\n用法：\/stake <.*> <pop\|luma>/s,
    );
    expect((await ask("/position 0x123", ZH)).text).toMatch(/^请检查命令\n"0x123" 不是钱包地址/);
    expect((await ask("/质押", ZH)).text).toMatch(/^请检查命令\n没有 \/质押 这个命令。/);
  });

  it("in a group, answers commands addressed to it, and leaves other bots' commands alone", async () => {
    const botName = world.bot.botInfo.username;
    expect((await ask(`/frobnicate@${botName}`, EN, GROUP)).text).toMatch(/There is no \/frobnicate command/);
    expect((await ask("/ban@otherbot", EN, GROUP)).calls).toEqual([]);
    expect((await ask("/ban", EN, GROUP)).calls).toEqual([]);
    expect((await ask(`/sora@${botName} extra`, EN, GROUP)).text).toMatch(
      /^Check the command\nI did not expect "extra" there\./,
    );
  });
});
