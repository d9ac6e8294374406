import { describe, expect, it } from "vitest";
import { answerText } from "../src/commands/answerCommand.ts";
import type { CommandContext, CommandReply } from "../src/commands/CommandContext.ts";
import { findCommand } from "../src/commands/commandDefinitions.ts";
import { parseArguments } from "../src/commands/parseArguments.ts";
import { parseCommandText } from "../src/commands/parseCommandText.ts";
import { decodeStartPayload, encodeStartPayload } from "../src/commands/startPayload.ts";
import { usageLine } from "../src/commands/usageText.ts";
import { createGatewayClient } from "../src/gateway/createGatewayClient.ts";
import type { Locale } from "../src/i18n/Locale.ts";
import type { ChatView } from "../src/views/ChatView.ts";

// A real client aimed at a port nothing listens on: usage problems must be answered before any request.
const gateway = createGatewayClient({ url: "http://127.0.0.1:9", timeoutMs: 500 });

const context = (
  locale: Locale,
  chat: CommandContext["chat"] = { kind: "private", isAdmin: true },
): CommandContext => ({
  gateway,
  platform: "telegram",
  locale,
  user: { platform: "TELEGRAM", userId: "1001" },
  chat,
  now: new Date("2026-11-21T12:00:00Z"),
  charts: false,
});

/** Everything a user would read in a view, as one string. */
const textOf = (view: ChatView) =>
  [
    view.title,
    ...(view.text ?? []),
    ...view.sections.flatMap((s) => [s.heading, ...s.lines.map((l) => `${l.label} ${l.value}`), s.note]),
  ]
    .filter(Boolean)
    .join("\n");

async function reply(locale: Locale, text: string, chat?: CommandContext["chat"]): Promise<CommandReply> {
  const answer = await answerText(context(locale, chat), text, { botUsername: "pulse_bot" });
  if (!answer) throw new Error(`no answer to ${text}`);
  return answer;
}

describe("command arguments", () => {
  const badInputs: [string, RegExp, RegExp][] = [
    ["/stake abc luma", /"abc" is not an amount/, /"abc" 不是有效数量/],
    ["/stake -1 luma", /must be positive/, /必须为正数/],
    ["/stake 1e400 luma", /scientific notation/, /科学计数法/],
    ["/stake 100 btc", /"btc" is not one of: pop, luma/, /"btc" 不是可选值之一：pop, luma/],
    ["/stake 0.0000000000000000001 pop", /POP has at most 18 decimal places/, /POP 最多有 18 位小数/],
    ["/stake 0 luma", /greater than zero/, /必须大于零/],
    ["/stake 100", /token to stake \(pop or luma\) is missing/, /缺少要质押的代币/],
    ["/stake 100 luma now", /did not expect "now"/, /多余的内容："now"/],
    ["/position 0x123", /"0x123" is not a wallet address/, /"0x123" 不是钱包地址/],
    ["/release abc", /"abc" is not a position number/, /"abc" 不是仓位编号/],
    [`/stake ${"9".repeat(200)} luma`, /far too large/, /过大/],
  ];

  for (const [input, en, zh] of badInputs) {
    it(`error: "${input.slice(0, 40)}" gets a short explanation and the right usage, in both languages`, async () => {
      for (const [locale, expected, usage] of [
        ["en", en, /Usage: \/(stake|position|release) /],
        ["zh", zh, /用法：\/(stake|position|release) /],
      ] as const) {
        const answer = await reply(locale, input);
        expect(answer.kind).toBe("view");
        const text = textOf(answer.view);
        expect(text).toMatch(expected);
        expect(text).toMatch(usage);
        expect(text.length).toBeLessThan(400);
      }
    });
  }

  it("error: a very long message is refused without echoing it", async () => {
    const long = `/stake ${"1".repeat(5000)} luma`;
    for (const locale of ["en", "zh"] as const) {
      const text = textOf((await reply(locale, long)).view);
      expect(text).toMatch(locale === "en" ? /too long/ : /消息过长/);
      expect(text).not.toContain("1111111111");
    }
  });

  it("in a group, says 'too long' only to a long command of ours or addressed to us", async () => {
    const group = { kind: "group", isAdmin: false } as const;
    const reason = "spam ".repeat(80);
    const answerIn = (text: string) => answerText(context("en", group), text, { botUsername: "pulse_bot" });
    // A moderation bot's commands, with a long reason: not ours to answer.
    expect(await answerIn(`/ban@modbot ${reason}`)).toBeUndefined();
    expect(await answerIn(`/ban ${reason}`)).toBeUndefined();
    for (const ours of [`/stake ${reason}`, `/ban@pulse_bot ${reason}`]) {
      expect(textOf((await reply("en", ours, group)).view)).toMatch(/too long/);
    }
    // In a private chat, another bot's command is still named as such.
    expect(textOf((await reply("en", `/ban@modbot ${reason}`)).view)).toMatch(/That command is for @modbot/);
  });

  it("error: a long bad argument is echoed cut short", async () => {
    const text = textOf((await reply("en", `/stake ${"x".repeat(250)} luma`)).view);
    expect(text).toContain(`"${"x".repeat(32)}…"`);
    expect(text).not.toContain("x".repeat(33));
  });

  it("error: an unknown command points to /help", async () => {
    expect(textOf((await reply("en", "/moon")).view)).toMatch(/There is no \/moon command. Send \/help/);
    expect(textOf((await reply("zh", "/质押 100")).view)).toMatch(/没有 \/质押 这个命令。发送 \/help/);
    const group = { kind: "group", isAdmin: false } as const;
    expect(textOf((await reply("en", "/moon@pulse_bot", group)).view)).toMatch(/There is no \/moon command/);
    // Unaddressed, it may be another bot's (a moderation bot's /ban): not ours to answer in a group.
    expect(await answerText(context("en", group), "/ban", { botUsername: "pulse_bot" })).toBeUndefined();
  });

  it("leaves a group command for another bot alone, and says so in a private chat", async () => {
    const group = await answerText(context("en", { kind: "group", isAdmin: false }), "/price@otherbot", {
      botUsername: "pulse_bot",
    });
    expect(group).toBeUndefined();
    expect(textOf((await reply("en", "/price@otherbot")).view)).toMatch(
      /That command is for @otherbot, not for me/,
    );
    expect(textOf((await reply("zh", "/price@otherbot")).view)).toMatch(/该命令是发给 @otherbot 的/);
  });

  it("reads amounts exactly, with IME full-width digits and 'max'", () => {
    const stake = findCommand("stake");
    if (!stake) throw new Error("no /stake");
    const parsed = parseArguments(stake, ["１，０００．５", "POP"]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        amount: { kind: "exact", raw: 1000_500000000000000000n, decimals: 18, symbol: "POP", text: "1000.5" },
        asset: "pop",
      },
    });
    expect(parseArguments(stake, ["max", "luma"])).toMatchObject({
      ok: true,
      args: { amount: { kind: "max" } },
    });
  });

  it("accepts /command@ourbot, mixed case, and the ideographic space", () => {
    expect(parseCommandText("/Stake@Pulse_Bot\u3000100 luma", { botUsername: "pulse_bot" })).toEqual({
      kind: "command",
      name: "stake",
      args: ["100", "luma"],
      mentioned: true,
    });
    expect(parseCommandText("hello /stake")).toEqual({ kind: "not_command" });
  });

  it("never throws on odd input", async () => {
    const odd = [
      "/",
      "/ ",
      "/@",
      "/stake@",
      "/stake \u0000 luma",
      "/stake 💥 luma",
      "/stake ,,, pop",
      "/alerts quiet 25:00-99:00",
    ];
    for (const text of odd) {
      const answer = await answerText(context("zh"), text);
      if (answer) expect(textOf(answer.view)).toMatch(/请检查命令|没有/);
    }
  });

  it("writes usage lines from the definitions, in each language", () => {
    const stake = findCommand("stake");
    const release = findCommand("release");
    if (!stake || !release) throw new Error("missing definitions");
    expect(usageLine("en", stake)).toBe("/stake <amount> <pop|luma>");
    expect(usageLine("zh", stake)).toBe("/stake <数量> <pop|luma>");
    expect(usageLine("en", release)).toBe("/release [position]");
  });
});

describe("wallet commands in a group", () => {
  it("move to the private chat with a payload that replays the command there", async () => {
    const answer = await reply("en", "/stake 100 luma", { kind: "group", isAdmin: false });
    expect(answer.kind).toBe("private_only");
    if (answer.kind !== "private_only") return;
    expect(textOf(answer.view)).toMatch(/Wallet matters stay out of groups/);
    expect(answer.startPayload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(decodeStartPayload(answer.startPayload ?? "")).toMatchObject({
      name: "stake",
      args: ["100", "luma"],
    });
  });

  it("carries an address in the payload: /position 0x… fits Telegram's 64 characters", async () => {
    const address = "0x52908400098527886E0F7030069857D2E4169EE7";
    const answer = await reply("en", `/position ${address}`, { kind: "group", isAdmin: false });
    if (answer.kind !== "private_only") throw new Error(`expected private_only, got ${answer.kind}`);
    expect(answer.startPayload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(decodeStartPayload(answer.startPayload ?? "")).toMatchObject({
      name: "position",
      args: [address.toLowerCase()],
    });
    const long = ["/buy_sora 123456789.123456789012345678", "/stake 1000000.000000000000000001 luma"];
    for (const text of long) {
      const handed = await reply("en", text, { kind: "group", isAdmin: false });
      if (handed.kind !== "private_only") throw new Error(`expected private_only, got ${handed.kind}`);
      expect(decodeStartPayload(handed.startPayload ?? "")?.args).toEqual(text.split(" ").slice(1));
    }
  });

  it("error: a posted link never unlinks whoever presses Start", async () => {
    const address = "0x52908400098527886e0f7030069857d2e4169ee7";
    // "/unlink" alone unlinks the only linked wallet: in a group its button opens the private chat, and no more.
    for (const text of ["/unlink", `/unlink ${address}`]) {
      const answer = await reply("en", text, { kind: "group", isAdmin: false });
      expect(answer).toMatchObject({ kind: "private_only", startPayload: undefined });
    }
    // Hand-made payloads for /unlink: the old text form, and every command code of the new one.
    const forged = [
      Buffer.from("unlink").toString("base64url"),
      ...Array.from({ length: 256 }, (_, code) =>
        Buffer.concat([Buffer.from([code, 0xff]), Buffer.from(address.slice(2), "hex")]).toString(
          "base64url",
        ),
      ),
    ];
    for (const payload of forged) expect(decodeStartPayload(payload)?.name).not.toBe("unlink");
    // In the private chat the forged link is just a welcome: the gateway (unreachable here) is never asked.
    const started = await reply("en", `/start ${forged[0]}`);
    expect(textOf(started.view)).toMatch(/Welcome/);
  });

  it("error: a tampered or foreign /start payload is just a welcome", async () => {
    expect(decodeStartPayload("not base64 !")).toBeUndefined();
    expect(decodeStartPayload(encodeStartPayload("start", ["x"]) ?? "")).toBeUndefined();
    const answer = await reply("zh", "/start hello");
    expect(textOf(answer.view)).toMatch(/欢迎使用 Luma Pulse/);
  });

  it("error: /alerts is for the chat's admins only", async () => {
    const answer = await reply("en", "/alerts off", { kind: "group", isAdmin: false });
    expect(textOf(answer.view)).toMatch(/Only the chat's admins/);
  });
});
