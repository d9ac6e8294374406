import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, GrammyError, InputFile, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import { describe, expect, it, onTestFinished } from "vitest";
import { grammyFailure as failure, refusal } from "./helpers/telegram/grammyFailure.ts";
import { solidPng } from "./helpers/telegram/solidPng.ts";
import { type BotApiStandInOptions, startBotApiStandIn } from "./helpers/telegram/startBotApiStandIn.ts";
import {
  callbackUpdate,
  commandUpdate,
  GROUP_ANONYMOUS_BOT,
  messageUpdate,
  myChatMemberUpdate,
} from "./helpers/telegram/telegramUpdates.ts";
import { TEST_BOT } from "./helpers/telegram/testBot.ts";

const SUPERGROUP = -1_001_234_567_890;
const GROUP = -4001;

/** A stand-in for this test and grammY's own Bot talking to it. */
async function standInAndBot(options?: BotApiStandInOptions) {
  const standIn = await startBotApiStandIn(options);
  onTestFinished(() => standIn.close());
  const bot = new Bot(standIn.token, { client: { apiRoot: standIn.apiRoot } });
  return { standIn, bot };
}

describe("Bot API stand-in, driven by grammY", () => {
  it("answers getMe with the test bot, so grammY initialises", async () => {
    const { bot } = await standInAndBot();
    await bot.init();
    expect(bot.botInfo).toMatchObject({ id: TEST_BOT.id, is_bot: true, username: TEST_BOT.username });
  });

  it("records a reply in a private chat with its text, parse_mode and the entities Telegram makes", async () => {
    const { standIn, bot } = await standInAndBot();
    const html = "<b>质押</b> 🚀 <i>APY</i> &amp; more\n";
    bot.command("start", (ctx) => ctx.reply(html, { parse_mode: "HTML" }));
    await bot.init();
    await bot.handleUpdate(commandUpdate({ text: "/start", chat: "private", from: { id: 42 } }));
    const [reply] = standIn.sentMessages(42);
    expect(reply?.params).toMatchObject({ text: html, parse_mode: "HTML" });
    expect(reply?.message).toMatchObject({
      message_id: 1,
      chat: { id: 42, type: "private" },
      from: { id: TEST_BOT.id, is_bot: true },
      text: "质押 🚀 APY & more",
      entities: [
        { type: "bold", offset: 0, length: 2 },
        { type: "italic", offset: 6, length: 3 }, // the emoji is two UTF-16 code units
      ],
    });
  });

  it("parses the rest of Telegram's HTML: links, code blocks with a language, spoilers, quotes", async () => {
    const { bot } = await standInAndBot();
    const message = await bot.api.sendMessage(
      42,
      '<a href="https://t.me/luma_pulse_test_bot?start=a&amp;b">go</a> <pre><code class="language-ts">x</code></pre>' +
        ' <span class="tg-spoiler">s</span> <blockquote expandable>q</blockquote>',
      { parse_mode: "HTML" },
    );
    expect(message.text).toBe("go x s q");
    expect(message.entities).toEqual([
      { type: "text_link", offset: 0, length: 2, url: "https://t.me/luma_pulse_test_bot?start=a&b" },
      { type: "pre", offset: 3, length: 1, language: "ts" },
      { type: "spoiler", offset: 5, length: 1 },
      { type: "expandable_blockquote", offset: 7, length: 1 },
    ]);
  });

  it("error: HTML Telegram cannot parse is a 400 GrammyError", async () => {
    const { bot } = await standInAndBot({ limits: false });
    const broken = ["1 < 2", "<b>open", "</b>", "<div>x</div>", "Tom & Jerry", "<span>x</span>", "<br/>"];
    for (const html of broken) {
      const error = await failure(bot.api.sendMessage(42, html, { parse_mode: "HTML" }));
      expect(error.error_code, html).toBe(400);
      expect(error.description, html).toMatch(/^Bad Request: can't parse entities: /);
    }
    expect(await refusal(bot.api.sendMessage(42, "<b>质押</i>", { parse_mode: "HTML" }))).toBe(
      `400 Bad Request: can't parse entities: Unmatched end tag at byte offset 9, expected "</b>", found "</i>"`,
    );
  });

  it("error: texts, captions and inline buttons Telegram refuses", async () => {
    const { bot } = await standInAndBot({ limits: false });
    const button = (props: object) => ({ reply_markup: { inline_keyboard: [[props as never]] } });
    const send = (text: string, other?: object) => refusal(bot.api.sendMessage(42, text, other));
    expect(await send("a".repeat(4097))).toBe("400 Bad Request: message is too long");
    expect(await send(" \n ")).toBe("400 Bad Request: message text is empty");
    // 4096 characters count after the tags are parsed out.
    await bot.api.sendMessage(42, `<b>${"a".repeat(4096)}</b>`, { parse_mode: "HTML" });
    expect(await send("x", button({ text: "Sign", url: "javascript:alert(1)" }))).toMatch(/URL_INVALID$/);
    expect(await send("x", button({ text: " ", url: "https://t.me/x" }))).toMatch(/BUTTON_TEXT_INVALID$/);
    expect(await send("x", button({ text: "Sign", callback_data: "é".repeat(33) }))).toMatch(/DATA_INVALID$/);
    expect(await send("x", button({ text: "Sign" }))).toMatch(/Text buttons are unallowed/);
    await bot.api.sendMessage(42, "x", button({ text: "Open", url: "tg://resolve?domain=luma" }));
    const photo = new InputFile(solidPng(4, 4), "chart.png");
    expect(await refusal(bot.api.sendPhoto(42, photo, { caption: "c".repeat(1025) }))).toMatch(/too long$/);
  });

  it("edits messages like Telegram: unknown message, unchanged content, keyboard dropped unless resent", async () => {
    const { bot } = await standInAndBot({ limits: false });
    const reply_markup = { inline_keyboard: [[{ text: "Sign", url: "https://sign.example/i/1" }]] };
    const sent = await bot.api.sendMessage(GROUP, "Waiting for signature", { reply_markup });
    expect(sent).toMatchObject({ message_id: 1, chat: { id: GROUP, type: "group" }, reply_markup });
    const id = sent.message_id;
    expect(
      await refusal(bot.api.editMessageText(GROUP, id, "Waiting for signature", { reply_markup })),
    ).toMatch(/^400 Bad Request: message is not modified/);
    const edited = await bot.api.editMessageText(GROUP, id, "Confirmed ✅");
    expect(edited).toMatchObject({ text: "Confirmed ✅", edit_date: expect.any(Number) });
    expect(edited).not.toHaveProperty("reply_markup");
    await bot.api.editMessageReplyMarkup(GROUP, id, { reply_markup });
    expect(await refusal(bot.api.editMessageText(GROUP, 99, "x"))).toMatch(/message to edit not found$/);
    await bot.api.deleteMessage(GROUP, id);
    expect(await refusal(bot.api.deleteMessage(GROUP, id))).toMatch(/message to delete not found$/);
    expect((await bot.api.sendMessage(GROUP, "next")).message_id).toBe(2);
  });

  it("error: blocked, kicked and unknown chats answer 403 and 400 like Telegram", async () => {
    const { standIn, bot } = await standInAndBot({ limits: false });
    standIn.blockChat(42);
    standIn.blockChat(SUPERGROUP, "kicked");
    standIn.blockChat(GROUP, "kicked");
    standIn.blockChat(77, "not_found");
    const sendTo = (chatId: number) => refusal(bot.api.sendMessage(chatId, "alert"));
    expect(await sendTo(42)).toBe("403 Forbidden: bot was blocked by the user");
    expect(await sendTo(SUPERGROUP)).toBe("403 Forbidden: bot was kicked from the supergroup chat");
    expect(await sendTo(GROUP)).toBe("403 Forbidden: bot was kicked from the group chat");
    expect(await sendTo(77)).toBe("400 Bad Request: chat not found");
    expect(await refusal(bot.api.getChat(SUPERGROUP))).toMatch(/^403 /);
    expect(await bot.api.getChat(42)).toMatchObject({ id: 42, type: "private" });
    expect(standIn.sentMessages()).toEqual([]);
  });
});

describe("send limits", () => {
  const burst = (bot: Bot, count: number) =>
    Promise.allSettled(Array.from({ length: count }, (_, i) => bot.api.sendMessage(i + 1, "burn alert")));

  it("the 31st send within a second gets 429 with retry_after; a send inside that window is a violation", async () => {
    const { standIn, bot } = await standInAndBot();
    const refused = (await burst(bot, 31)).flatMap((result) =>
      result.status === "rejected" ? [result.reason] : [],
    );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(GrammyError);
    expect(refused[0]).toMatchObject({
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect(standIn.violations).toEqual([]);
    expect(await refusal(bot.api.sendMessage(99, "too soon"))).toMatch(/^429 /);
    expect(standIn.violations).toEqual([expect.stringMatching(/^sendMessage to 99 \d+ ms .* the global/)]);
    expect(standIn.sentMessages()).toHaveLength(30);
  });

  it("@grammyjs/auto-retry waits out retry_after and delivers everything without a violation", async () => {
    const { standIn, bot } = await standInAndBot();
    bot.api.config.use(autoRetry());
    expect((await burst(bot, 31)).every((result) => result.status === "fulfilled")).toBe(true);
    expect(standIn.sentMessages()).toHaveLength(31);
    expect(standIn.callsTo("sendMessage").filter((call) => call.errorCode === 429)).toHaveLength(1);
    expect(standIn.violations).toEqual([]);
  });

  it("allows one message a second to a chat and twenty a minute to a group; edits count in their chat", async () => {
    const limits = { globalPerSecond: 30, perChatPerSecond: 30, perGroupPerMinute: 20 };
    const { bot: groupBot } = await standInAndBot({ limits });
    await Promise.all(Array.from({ length: 20 }, () => groupBot.api.sendMessage(GROUP, "digest")));
    const group = await failure(groupBot.api.sendMessage(GROUP, "one too many"));
    expect(group.parameters.retry_after).toBeGreaterThanOrEqual(59);

    const { standIn, bot } = await standInAndBot();
    await bot.api.sendMessage(42, "first");
    expect((await failure(bot.api.sendMessage(42, "second"))).parameters.retry_after).toBe(1);
    await bot.api.sendMessage(43, "another chat is fine");
    await failure(bot.api.editMessageText(42, 1, "edited"));
    expect(standIn.violations).toEqual([expect.stringMatching(/^editMessageText to 42 .* its chat's/)]);
  });

  it("failNext fails exactly the next call; a forced 429 opens that chat's retry_after window", async () => {
    const { standIn, bot } = await standInAndBot();
    standIn.failNext("getChat", { error_code: 502, description: "Bad Gateway" });
    expect(await refusal(bot.api.getChat(42))).toBe("502 Bad Gateway");
    expect(await bot.api.getChat(42)).toMatchObject({ id: 42 });
    const retryAfter5 = { error_code: 429, description: "Too Many Requests: retry after 5" };
    standIn.failNext("sendMessage", { ...retryAfter5, parameters: { retry_after: 5 } });
    expect((await failure(bot.api.sendMessage(7, "a"))).parameters.retry_after).toBe(5);
    expect((await failure(bot.api.sendMessage(7, "b"))).parameters.retry_after).toBeGreaterThanOrEqual(4);
    await bot.api.sendMessage(8, "other chats are not held back");
    expect(standIn.violations).toHaveLength(1);
  });
});

describe("updates", () => {
  // A pushed update must end a held getUpdates at once; grammY holds each for 30 s.
  const prompt = { timeout: 10_000 };

  it(
    "long polling delivers a pushed update to bot.start() handlers and confirms it on stop",
    prompt,
    async () => {
      const { standIn, bot } = await standInAndBot();
      bot.command("ping", (ctx) => ctx.reply("pong"));
      const polling = bot.start();
      await standIn.waitFor((call) => call.method === "deleteWebhook");
      const update = commandUpdate({ text: "/ping", chat: "private", from: { id: 42 } });
      standIn.pushUpdate(update);
      const reply = await standIn.waitFor((call) => call.method === "sendMessage");
      expect(reply).toMatchObject({ ok: true, chatId: "42", params: { text: "pong" } });
      await bot.stop();
      await polling;
      expect(standIn.callsTo("getUpdates").at(-1)?.params.offset).toBe(update.update_id + 1);
      expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
    },
  );

  it(
    "getUpdates holds a request until an update is pushed, or answers [] after its timeout",
    prompt,
    async () => {
      const { standIn, bot } = await standInAndBot();
      expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
      const held = bot.api.getUpdates({ timeout: 30 });
      const update = messageUpdate({ text: "hello", chat: "private" });
      setTimeout(() => standIn.pushUpdate(update), 50);
      expect(await held).toEqual([update]);
      expect(await bot.api.getUpdates({ offset: update.update_id + 1 })).toEqual([]);
    },
  );

  it("webhook mode: updates are POSTed with the secret token and getUpdates conflicts", async () => {
    const { standIn, bot } = await standInAndBot();
    const received: Update[] = [];
    bot.on("message", (ctx) => {
      received.push(ctx.update);
      return ctx.reply("got it");
    });
    const server = createServer(webhookCallback(bot, "http", { secretToken: "s3cret_token" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
    expect(await refusal(bot.api.setWebhook("http://example.com/hook"))).toMatch(/An HTTPS URL must be/);
    await bot.api.setWebhook(url, { secret_token: "s3cret_token" });
    expect(standIn.callsTo("setWebhook").at(-1)?.params.secret_token).toBe("s3cret_token");
    expect(await refusal(bot.api.getUpdates())).toMatch(/^409 Conflict: can't use getUpdates/);
    const update = messageUpdate({ text: "hi", chat: { groupId: SUPERGROUP } });
    standIn.pushUpdate(update);
    await standIn.waitFor((call) => call.method === "sendMessage");
    expect(received).toEqual([update]);
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url, pending_update_count: 0 });
    await bot.api.deleteWebhook();
    expect(await bot.api.getUpdates()).toEqual([]);
  });

  it("realistic updates route through grammY: @bot commands, anonymous admins, buttons, membership", async () => {
    const { standIn, bot } = await standInAndBot({ limits: false });
    const seen: string[] = [];
    bot.command("stake", (ctx) => {
      seen.push(`stake ${ctx.match} from ${ctx.from?.id} as ${ctx.senderChat?.id ?? "user"}`);
    });
    bot.callbackQuery("confirm", (ctx) => ctx.answerCallbackQuery({ text: "Done" }));
    bot.on("my_chat_member", (ctx) => {
      seen.push(`${ctx.myChatMember.new_chat_member.status} in ${ctx.chat.type}`);
    });
    await bot.init();
    const own = commandUpdate({
      text: `/stake@${TEST_BOT.username} 100 luma`,
      chat: { groupId: SUPERGROUP },
    });
    expect(own.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 26 }]);
    await bot.handleUpdate(own);
    await bot.handleUpdate(commandUpdate({ text: "/stake@other_bot 5 pop", chat: { groupId: SUPERGROUP } }));
    const anonymous = commandUpdate({ text: "/stake 7 pop", chat: { groupId: GROUP }, anonymousAdmin: true });
    expect(anonymous.message?.from).toEqual(GROUP_ANONYMOUS_BOT);
    await bot.handleUpdate(anonymous);
    await bot.handleUpdate(myChatMemberUpdate({ chat: "private", oldStatus: "member", newStatus: "kicked" }));
    await bot.handleUpdate(
      myChatMemberUpdate({ chat: { groupId: GROUP }, oldStatus: "left", newStatus: "member" }),
    );
    expect(seen).toEqual([
      "stake 100 luma from 5100000001 as user",
      `stake 7 pop from ${GROUP_ANONYMOUS_BOT.id} as ${GROUP}`,
      "kicked in private",
      "member in group",
    ]);
    const sent = await bot.api.sendMessage(42, "Confirm?", {
      reply_markup: { inline_keyboard: [[{ text: "Confirm", callback_data: "confirm" }]] },
    });
    const press = callbackUpdate({ data: "confirm", message: sent, from: { id: 42 } });
    await bot.handleUpdate(press);
    expect(standIn.callsTo("answerCallbackQuery")[0]?.params).toMatchObject({
      callback_query_id: press.callback_query?.id,
      text: "Done",
    });
    expect(press.update_id).toBeGreaterThan(own.update_id);
  });
});

describe("photos, menus, members and the HTTP surface", () => {
  it("records a sendPhoto of a PNG Buffer as a PNG and answers with Telegram's photo sizes", async () => {
    const { standIn, bot } = await standInAndBot({ limits: false });
    const png = solidPng(1200, 600);
    const caption = { caption: "<b>SORA burned</b>", parse_mode: "HTML" } as const;
    const sent = await bot.api.sendPhoto(SUPERGROUP, new InputFile(png, "chart.png"), caption);
    const [call] = standIn.sentMessages(SUPERGROUP);
    expect(call?.files.photo).toMatchObject({ fileName: "chart.png", isPng: true, byteLength: png.length });
    expect(sent).toMatchObject({
      caption: "SORA burned",
      caption_entities: [{ type: "bold", offset: 0, length: 11 }],
    });
    const sizes = [90, 320, 800, 1200].map((width) => [width, width / 2]);
    expect(sent.photo?.map(({ width, height }) => [width, height])).toEqual(sizes);
    expect((await bot.api.sendPhoto(42, sent.photo?.at(-1)?.file_id ?? "")).photo).toEqual(sent.photo);
    const notAnImage = new InputFile(Buffer.from("%PDF-1.7"), "chart.png");
    expect(await refusal(bot.api.sendPhoto(42, notAnImage))).toBe("400 Bad Request: IMAGE_PROCESS_FAILED");
  });

  it("takes uploads from plain multipart clients and urlencoded bodies too", async () => {
    const { standIn } = await standInAndBot({ limits: false });
    const post = (method: string, body: FormData | URLSearchParams) =>
      fetch(`${standIn.apiRoot}/bot${standIn.token}/${method}`, { method: "POST", body }).then((r) =>
        r.json(),
      );
    const form = new FormData();
    form.set("chat_id", "42");
    form.set("photo", new Blob([new Uint8Array(solidPng(8, 8))], { type: "image/png" }), "chart.png");
    expect(await post("sendPhoto", form)).toMatchObject({ ok: true, result: { photo: [{ width: 8 }] } });
    expect(standIn.callsTo("sendPhoto")[0]?.files.photo?.isPng).toBe(true);
    const keyboard = JSON.stringify({ inline_keyboard: [[{ text: "Go", url: "https://t.me/luma" }]] });
    const body = new URLSearchParams({ chat_id: "42", text: "hi", reply_markup: keyboard });
    expect(await post("sendmessage", body)).toMatchObject({
      ok: true,
      result: { text: "hi", reply_markup: {} },
    });
    expect(standIn.callsTo("sendMessage")[0]).toMatchObject({ chatId: "42", params: { reply_markup: {} } });
  });

  it("error: a wrong token is 401 Unauthorized and an unknown method 404 Not Found", async () => {
    const { standIn } = await standInAndBot();
    const wrongToken = await fetch(`${standIn.apiRoot}/bot123:nope/getMe`);
    expect(wrongToken.status).toBe(401);
    expect(await wrongToken.json()).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    const unknown = await fetch(`${standIn.apiRoot}/bot${standIn.token}/sendMessages`, { method: "POST" });
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("keeps one command menu per scope and language", async () => {
    const { bot } = await standInAndBot();
    const zh = { language_code: "zh" } as const;
    const zhAdmins = { ...zh, scope: { type: "all_chat_administrators" } } as const;
    await bot.api.setMyCommands([{ command: "yields", description: "Staking yields" }]);
    await bot.api.setMyCommands([{ command: "yields", description: "质押收益" }], zh);
    await bot.api.setMyCommands([{ command: "alerts", description: "燃烧提醒" }], zhAdmins);
    expect(await bot.api.getMyCommands(zh)).toEqual([{ command: "yields", description: "质押收益" }]);
    expect(await bot.api.getMyCommands(zhAdmins)).toEqual([{ command: "alerts", description: "燃烧提醒" }]);
    expect(await bot.api.getMyCommands({ scope: zhAdmins.scope })).toEqual([]);
    await bot.api.deleteMyCommands(zh);
    expect(await bot.api.getMyCommands(zh)).toEqual([]);
    expect(await bot.api.getMyCommands()).toHaveLength(1);
    expect(await refusal(bot.api.setMyCommands([{ command: "Buy-SORA", description: "Buy" }]))).toBe(
      "400 Bad Request: BOT_COMMAND_INVALID",
    );
    expect(await refusal(bot.api.getMyCommands({ language_code: "zh-hans" as never }))).toMatch(/^400 /);
  });

  it("answers getChatMember from setChatMember (member by default) with names it has seen", async () => {
    const { standIn, bot } = await standInAndBot();
    const chat = { groupId: SUPERGROUP, title: "Luma 中文" };
    standIn.pushUpdate(messageUpdate({ text: "hi", chat, from: { id: 7, firstName: "Bob" } }));
    standIn.setChatMember(SUPERGROUP, 6, "creator");
    standIn.setChatMember(SUPERGROUP, 7, "administrator");
    standIn.setChatMember(SUPERGROUP, 8, "restricted");
    expect(await bot.api.getChatMember(SUPERGROUP, 7)).toMatchObject({
      status: "administrator",
      user: { id: 7, first_name: "Bob" },
      can_restrict_members: true,
    });
    expect((await bot.api.getChatMember(SUPERGROUP, 8)).status).toBe("restricted");
    expect((await bot.api.getChatMember(SUPERGROUP, 9)).status).toBe("member");
    const admins = await bot.api.getChatAdministrators(SUPERGROUP);
    expect(admins.map(({ user, status }) => [user.id, status])).toEqual([
      [6, "creator"],
      [7, "administrator"],
    ]);
    expect(await bot.api.getChat(SUPERGROUP)).toMatchObject({ type: "supergroup", title: "Luma 中文" });
  });
});
