import { startIntentMessageFollower } from "@luma-pulse/chat";
import { getAddress, maxUint256, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { EVERYONE_PERMISSIONS } from "../../../test/helpers/discord/chatInputInteraction.ts";
import { completeWalletLink } from "../../gateway/test/completeWalletLink.ts";
import { queryIntent, reportTx } from "../../gateway/test/intentApi.ts";
import { fundLuma, mined, sendStep } from "../../gateway/test/intentPlans.ts";
import { anvilAccount } from "../../gateway/test/walletLinkSigner.ts";
import { createDiscordEditor } from "../src/delivery/createDiscordEditor.ts";
import { buttonsOf, embedOf, embedText } from "./embedText.ts";
import {
  CHANNEL_ID,
  type Chain,
  GUILD_ID,
  type InteractionOptions,
  PUBLIC_URL,
  setupDiscordWorld,
} from "./setupDiscordWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const IN_GUILD = { id: GUILD_ID, channelId: CHANNEL_ID, permissions: EVERYONE_PERMISSIONS };
const ALICE = "1330000000000000101";
const EN_FOOTER = /^Block [\d,]+ · \d+ \w{3} \d{4}, \d\d:\d\d UTC$/;
const ZH_FOOTER = /^区块 [\d,]+ · \d{4}年\d+月\d+日 \d\d:\d\d UTC$/;
const EPHEMERAL = 64;

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

describe("the bot's slash commands, in English and Chinese", () => {
  let world: Awaited<ReturnType<typeof setupDiscordWorld>>;
  let alice: string;
  const ask = async (command: string, options: Omit<InteractionOptions, "command"> = {}) => {
    const answer = await world.interact({ command, guild: IN_GUILD, userId: ALICE, ...options });
    return { ...answer, text: embedText(answer.reply), buttons: buttonsOf(answer.reply) };
  };

  beforeAll(async () => {
    world = await setupDiscordWorld(seed);
    alice = getAddress(world.chain.members.alice);
  }, 180_000);

  it("acknowledges at once, then answers every protocol command in the member's client language with its freshness", async () => {
    for (const [command, options, en, zh] of [
      ["yields", {}, /^Yields\n.*APR \(simple\)\*\*: 54\.75%/s, /^收益率\n.*年化（单利）\*\*: 54\.75%/s],
      ["sora", {}, /^SORA\n/, /^SORA\n/],
      ["burns", {}, /^Latest SORA burns\n.*· sell.*· buyback/s, /^最新 SORA 销毁\n.*· 卖出.*· 回购/s],
      ["price", {}, /^Prices\n.*\*\*SORA\*\*: \$\d/s, /^价格\n/],
      [
        "position",
        { address: alice },
        /^Wallet 0x\w{4}…\w{4}\n.*Option position #0/s,
        /^钱包 0x\w{4}…\w{4}\n/,
      ],
    ] as const) {
      const english = await ask(command, { options, locale: "en-US" });
      // Deferred first (type 5; public but for wallet matters), then the answer edited in through the
      // interaction's webhook.
      expect(english.calls[0]).toMatchObject({ method: "POST", status: 204, body: { type: 5 } });
      const flags = Number((english.calls[0]?.body.data as { flags?: number } | undefined)?.flags ?? 0);
      expect(flags & EPHEMERAL).toBe(command === "position" ? EPHEMERAL : 0);
      expect(english.calls.at(-1)).toMatchObject({
        method: "PATCH",
        path: expect.stringMatching(/@original$/),
      });
      expect(english.text).toMatch(en);
      expect(embedOf(english.reply).footer?.text).toMatch(EN_FOOTER);
      expect(Date.parse(embedOf(english.reply).timestamp ?? "")).toBeGreaterThan(0);
      const chinese = await ask(command, { options, locale: "zh-CN" });
      expect(chinese.text).toMatch(zh);
      expect(embedOf(chinese.reply).footer?.text).toMatch(ZH_FOOTER);
    }
    // zh-TW is Chinese too; any other client language is English.
    expect((await ask("price", { locale: "zh-TW" })).text).toMatch(/^价格\n/);
    expect((await ask("price", { locale: "de" })).text).toMatch(/^Prices\n/);
  });

  it("/sora and /yields attach their chart and show it as the embed's image", async () => {
    for (const command of ["sora", "yields"]) {
      const answer = await ask(command);
      const [file] = answer.reply?.files ?? [];
      expect(file?.name).toMatch(/\.png$/);
      expect(file?.size).toBeGreaterThan(1_000);
      expect(embedOf(answer.reply).image?.url).toBe(`attachment://${file?.name}`);
    }
  });

  it("/link and a signing plan answer ephemerally with link buttons and the verification code, followed for edits", async () => {
    const link = await ask("link");
    expect(link.calls[0]?.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(link.text).toMatch(/^Link a wallet\n/);
    expect(link.buttons[0]?.url).toMatch(new RegExp(`^${PUBLIC_URL}/link/[\\w-]+$`));
    expect(await completeWalletLink(world.gateway.url, link.buttons[0]?.url ?? "", anvilAccount(1))).toBe(
      alice,
    );

    const plan = await ask("stake", { options: { amount: "1", asset: "luma" } });
    expect(plan.reply?.ephemeral).toBe(true);
    expect(plan.text).toMatch(/^Stake LUMA\n/);
    expect(plan.text).toMatch(/You give\*\*: 1 LUMA/);
    expect(plan.text).toMatch(/Verification code\*\*: `[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}`/);
    expect(plan.buttons[0]?.url).toMatch(new RegExp(`^${PUBLIC_URL}/sign/[\\w-]+$`));
    const intentId = /\/sign\/([\w-]+)$/.exec(plan.buttons[0]?.url ?? "")?.[1];
    const tracked = await world.database.prisma.intentMessage.findFirst({ where: { intentId } });
    expect(tracked).toMatchObject({
      platform: "discord",
      chatId: CHANNEL_ID,
      messageId: plan.reply?.id,
      editToken: plan.payload.token,
      locale: "en",
      shown: "pending",
    });

    expect((await ask("stake", { options: { amount: "1", asset: "luma" }, locale: "zh-CN" })).text).toMatch(
      /^质押 LUMA\n.*验证码\*\*: /s,
    );
    expect((await ask("buy-sora", { options: { amount: "0.01" } })).text).toMatch(
      /^Buy SORA\n.*Verification code/s,
    );
  });

  it("edits a plan's ephemeral reply once its transactions are confirmed on chain", async () => {
    const { chain } = world;
    await fundLuma(chain, chain.members.alice, e18("1000"));
    const follower = startIntentMessageFollower({
      prisma: world.database.prisma,
      gateway: world.bot.deps.gateway,
      platform: "discord",
      edit: createDiscordEditor(world.bot.client.rest, world.standIn.applicationId),
      pollMs: 200,
    });
    deferTeardown(() => follower.stop());
    const plan = await ask("stake", { options: { amount: "100", asset: "luma" } });
    const intentId = /\/sign\/([\w-]+)$/.exec(plan.buttons[0]?.url ?? "")?.[1] ?? "";
    const { intent } = await queryIntent(world.gateway.url, intentId);
    for (const step of intent?.steps ?? []) {
      const hash = await sendStep(chain, chain.members.alice, step as never);
      await mined(chain, hash);
      await reportTx(world.gateway.url, intentId, step.index, hash);
    }
    const deadline = Date.now() + 20_000;
    while (!/^✓ Confirmed/.test(embedText(world.standIn.interactionReply(plan.payload.token)))) {
      if (Date.now() > deadline) throw new Error("the reply was not edited");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const edited = world.standIn.interactionReply(plan.payload.token);
    expect(embedText(edited)).toMatch(/^✓ Confirmed · Stake LUMA\n/);
    expect(buttonsOf(edited)).toEqual([]);
    expect(edited?.ephemeral).toBe(true);
  });

  it("edits a plan's ephemeral reply through the interaction's token, and gives up once the token expired", async () => {
    const plan = await ask("release");
    const edit = createDiscordEditor(world.bot.client.rest, world.standIn.applicationId);
    const target = { chatId: CHANNEL_ID, messageId: plan.reply?.id ?? "", editToken: plan.payload.token };
    const view = {
      tone: "success" as const,
      title: "✓ Confirmed · Release early",
      sections: [],
      buttons: [],
    };
    expect(await edit(target, view)).toBe("edited");
    expect(world.standIn.interactionReply(plan.payload.token)).toMatchObject({ edits: 2 });
    expect(embedText(world.standIn.interactionReply(plan.payload.token))).toBe("✓ Confirmed · Release early");
    expect(buttonsOf(world.standIn.interactionReply(plan.payload.token))).toEqual([]);
    world.standIn.expireInteraction(plan.payload.token);
    expect(await edit(target, view)).toBe("gone");
  });

  it("answers every wallet command ephemerally, in Chinese for zh-CN and in English for en-US", async () => {
    const walletCommands = [
      ["position", {}],
      ["link", {}],
      ["stake", { amount: "1", asset: "pop" }],
      ["unstake", { amount: "1" }],
      ["claim", {}],
      ["release", {}],
      ["buy-sora", { amount: "0.01" }],
      ["sell-sora", { amount: "1" }],
      ["unlink", { address: "0x000000000000000000000000000000000000dEaD" }],
    ] as const;
    for (const [command, options] of walletCommands) {
      const chinese = await ask(command, { options, locale: "zh-CN" });
      expect(chinese.reply?.ephemeral).toBe(true);
      expect(embedOf(chinese.reply).title).toMatch(/\p{Script=Han}/u);
      const english = await ask(command, { options, locale: "en-US" });
      expect(english.reply?.ephemeral).toBe(true);
      expect(embedOf(english.reply).title).not.toMatch(/\p{Script=Han}/u);
    }
    expect(world.logs).toEqual([]);
  });

  it("error: bad options are refused by the bot too, in the member's language", async () => {
    const cases = [
      [
        { command: "stake", options: { amount: "abc", asset: "luma" } },
        /^Check the command\n"abc" is not an amount/,
      ],
      [
        { command: "stake", options: { amount: "-1", asset: "luma" } },
        /^Check the command\nThe amount must be positive/,
      ],
      // Discord offers pop and luma only; a hand-made request is checked again.
      [
        { command: "stake", options: { amount: "1", asset: "btc" } },
        /^Check the command\n"btc" is not one of: pop, luma\./,
      ],
      [{ command: "claim", options: { position: -1 } }, /^Check the command\n/],
      [{ command: "position", options: { address: "0x1234" } }, /^Check the command\n/],
      [{ command: "unknown-command" }, /^Check the command\n/],
    ] as const;
    for (const [request, expected] of cases) {
      const answer = await ask(request.command, { options: "options" in request ? request.options : {} });
      expect(answer.text).toMatch(expected);
    }
    expect((await ask("stake", { options: { amount: "abc", asset: "luma" }, locale: "zh-CN" })).text).toMatch(
      /^请检查命令\n"abc" 不是有效数量/,
    );
    expect(world.logs).toEqual([]);
  });

  it("answers in the bot's DM too, and /unlink forgets the wallet", async () => {
    const dm = { guild: undefined };
    expect((await ask("price", dm)).text).toMatch(/^Prices\n/);
    expect((await ask("unlink", { ...dm, locale: "zh-CN" })).text).toMatch(/^已绑定的钱包\n.*已解除绑定。$/s);
    expect((await ask("position", dm)).text).toMatch(/^No wallet linked\n/);
  });
});
