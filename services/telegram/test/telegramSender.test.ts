import { createServer } from "node:net";
import type { ChatView } from "@luma-pulse/chat";
import { Api } from "grammy";
import type { ResponseParameters } from "grammy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { createSenderApi } from "../src/delivery/createSenderApi.ts";
import { createTelegramEditor } from "../src/delivery/createTelegramEditor.ts";
import { createTelegramSender } from "../src/delivery/createTelegramSender.ts";
import { messageText } from "./messageText.ts";

const GROUP = "-1001234567890";
const alert: ChatView = {
  tone: "info",
  title: "🔥 1,200 SORA burned",
  sections: [{ lines: [{ label: "Reason", value: "a sell <into> the pool & more" }] }],
  buttons: [{ label: "View transaction", url: "https://scan.example/tx/0xabc" }],
  footer: "Block 12 · 21 Nov 2026, 14:05 UTC",
};

describe("createTelegramSender", () => {
  let standIn: BotApiStandIn;
  let sender: ReturnType<typeof createTelegramSender>;
  let api: Api;
  let n = 0;
  const send = (chatId: string) => sender.send({ chatId, view: alert, idempotencyKey: `key-${++n}` });

  beforeAll(async () => {
    standIn = await startBotApiStandIn({ limits: false });
    deferTeardown(() => standIn.close());
    api = new Api(standIn.token, { apiRoot: standIn.apiRoot });
    sender = createTelegramSender(api);
  });

  it("sends the alert as HTML with its button and no link preview, and returns the message id", async () => {
    const result = await send(GROUP);
    const [call] = standIn.sentMessages(GROUP);
    expect(result).toEqual({ kind: "sent", messageId: String(call?.message?.message_id) });
    expect(messageText(standIn.sentMessages(GROUP))).toBe(
      "🔥 1,200 SORA burned\n\nReason: a sell <into> the pool & more\n\nBlock 12 · 21 Nov 2026, 14:05 UTC",
    );
    expect(call?.params).toMatchObject({ parse_mode: "HTML", link_preview_options: { is_disabled: true } });
    expect(call?.message?.reply_markup?.inline_keyboard).toEqual([
      [{ text: "View transaction", url: "https://scan.example/tx/0xabc" }],
    ]);
  });

  it("returns Telegram's retry_after in ms on 429, without retrying by itself", async () => {
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    const before = standIn.callsTo("sendMessage").length;
    expect(await send(GROUP)).toEqual({ kind: "retry_after", retryAfterMs: 7_000 });
    expect(standIn.callsTo("sendMessage").length).toBe(before + 1);
  });

  it("reports a chat that blocked or removed the bot, or vanished, as gone", async () => {
    standIn.blockChat(5_100_000_777, "blocked");
    expect(await send("5100000777")).toEqual({
      kind: "gone",
      reason: "Forbidden: bot was blocked by the user",
    });
    standIn.blockChat(-1_009_999_999_999, "kicked");
    expect(await send("-1009999999999")).toEqual({
      kind: "gone",
      reason: "Forbidden: bot was kicked from the supergroup chat",
    });
    standIn.blockChat(-42, "not_found");
    expect(await send("-42")).toEqual({ kind: "gone", reason: "Bad Request: chat not found" });
  });

  it("reports a group upgraded to a supergroup as moved to its new id, where its alerts go on", async () => {
    const parameters: ResponseParameters = { migrate_to_chat_id: -1_001_111_111_111 };
    standIn.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters,
    });
    expect(await send("-77")).toEqual({ kind: "moved", toChatId: "-1001111111111" });
  });

  it("reports a message Telegram refuses for what it is (an unexpected 400) as rejected, not retried for long", async () => {
    standIn.failNext("sendMessage", { error_code: 400, description: "Bad Request: message is too long" });
    expect(await send(GROUP)).toEqual({ kind: "rejected", error: "400: Bad Request: message is too long" });
  });

  it("keeps a group where the bot may not write right now (slow mode, lockdown): failed, retried later", async () => {
    for (const [code, description] of [
      [400, "Bad Request: not enough rights to send text messages to the chat"],
      [400, "Bad Request: have no rights to send a message"],
      [403, "Forbidden: CHAT_WRITE_FORBIDDEN"],
    ] as const) {
      standIn.failNext("sendMessage", { error_code: code, description });
      expect(await send(GROUP)).toEqual({ kind: "failed", error: `${code}: ${description}` });
    }
  });

  it("reports a server error or an unreachable Bot API as failed, to be retried later", async () => {
    standIn.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    expect(await send(GROUP)).toEqual({ kind: "failed", error: "502: Bad Gateway" });
    const offline = createTelegramSender(new Api(standIn.token, { apiRoot: "http://127.0.0.1:9" }));
    const result = await offline.send({ chatId: GROUP, view: alert, idempotencyKey: "k" });
    expect(result).toMatchObject({ kind: "failed", error: expect.stringMatching(/^network: /) });
  });
});

describe("createSenderApi", () => {
  it("gives up on a Bot API that never answers within the delivery lease: failed, to be retried", async () => {
    // Accepts the connection, then says nothing, like a hung proxy in front of Telegram.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    deferTeardown(async () => {
      silent.close();
    });
    const { port } = silent.address() as { port: number };
    const sender = createTelegramSender(
      createSenderApi({ token: "1:hung", apiRoot: `http://127.0.0.1:${port}` }),
    );
    const result = await sender.send({ chatId: GROUP, view: alert, idempotencyKey: "k" });
    expect(result).toMatchObject({ kind: "failed", error: expect.stringMatching(/^network: /) });
  }, 30_000);
});

describe("createTelegramEditor", () => {
  let standIn: BotApiStandIn;
  let edit: ReturnType<typeof createTelegramEditor>;
  let messageId: string;

  beforeAll(async () => {
    standIn = await startBotApiStandIn({ limits: false });
    deferTeardown(() => standIn.close());
    const api = new Api(standIn.token, { apiRoot: standIn.apiRoot });
    const sent = await createTelegramSender(api).send({ chatId: GROUP, view: alert, idempotencyKey: "k" });
    messageId = sent.kind === "sent" ? sent.messageId : "";
    edit = createTelegramEditor(api);
  });

  const confirmed: ChatView = {
    tone: "success",
    title: "✓ Confirmed · Stake LUMA",
    sections: [],
    buttons: [],
  };

  it("replaces the text and drops the buttons once the plan settled", async () => {
    expect(await edit({ chatId: GROUP, messageId }, confirmed)).toBe("edited");
    const [call] = standIn.callsTo("editMessageText");
    expect(call?.message).toMatchObject({ text: "✓ Confirmed · Stake LUMA" });
    expect(call?.message?.reply_markup).toBeUndefined();
  });

  it("counts an edit to the same text as done", async () => {
    expect(await edit({ chatId: GROUP, messageId }, confirmed)).toBe("edited");
  });

  it("gives up on a deleted message or a chat that blocked the bot; retries other failures", async () => {
    expect(await edit({ chatId: GROUP, messageId: "999999" }, confirmed)).toBe("gone");
    standIn.failNext("editMessageText", { error_code: 500, description: "Internal Server Error" });
    expect(await edit({ chatId: GROUP, messageId }, { ...confirmed, title: "Failed" })).toBe("failed");
    standIn.blockChat(GROUP, "kicked");
    expect(await edit({ chatId: GROUP, messageId }, { ...confirmed, title: "Dropped" })).toBe("gone");
  });
});
