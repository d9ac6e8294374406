import type { ChatView } from "@luma-pulse/chat";
import { Api } from "grammy";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { sendView } from "../src/render/sendView.ts";
import { buttonsOf, messageText } from "./messageText.ts";

// The smallest PNG: a chart stand-in.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const chart = { png: PNG, width: 1, height: 1, fileName: "sora.png", alt: "SORA burned over time" };
const button = { label: "Open signing page", url: "https://pulse.example.org/sign/abc" };
const view = (overrides: Partial<ChatView>): ChatView => ({
  tone: "info",
  title: "SORA",
  sections: [],
  buttons: [],
  ...overrides,
});
const longSections = Array.from({ length: 6 }, (_, n) => ({
  heading: `Part ${n}`,
  lines: Array.from({ length: 30 }, (_, i) => ({ label: `Line ${i}`, value: "x".repeat(20) })),
}));

describe("sendView", () => {
  let standIn: BotApiStandIn;
  let api: Api;
  let chatId = -1_001_700_000_000;
  /** Sends to a fresh chat and returns what arrived there. */
  const deliver = async (v: ChatView, replyTo?: number) => {
    chatId -= 1;
    const last = await sendView(api, chatId, v, { replyTo });
    return { last, calls: standIn.calls.filter((call) => call.chatId === String(chatId)) };
  };

  beforeAll(async () => {
    standIn = await startBotApiStandIn({ limits: false });
    deferTeardown(() => standIn.close());
    api = new Api(standIn.token, { apiRoot: standIn.apiRoot });
  });

  it("sends a chart as a photo with the answer as its caption when it fits", async () => {
    const { calls, last } = await deliver(view({ chart, text: ["Burned: 1M"], buttons: [button] }));
    expect(calls.map((call) => call.method)).toEqual(["sendPhoto"]);
    expect(calls[0]?.files.photo?.isPng).toBe(true);
    expect(messageText(calls)).toBe("SORA\nBurned: 1M");
    expect(buttonsOf(calls)).toEqual([button]);
    expect(last.message_id).toBe(calls[0]?.message?.message_id);
  });

  it("sends a chart with a long answer as a photo, then the answer in messages, buttons under the last", async () => {
    const { calls, last } = await deliver(view({ chart, sections: longSections, buttons: [button] }), 7);
    expect(calls.map((call) => call.method)).toEqual(["sendPhoto", "sendMessage", "sendMessage"]);
    expect(calls[0]?.message?.caption).toBe("SORA burned over time");
    // Only the first message quotes the command.
    expect(calls.map((call) => call.params.reply_parameters !== undefined)).toEqual([true, false, false]);
    expect(calls.map((call) => call.message?.reply_markup !== undefined)).toEqual([false, false, true]);
    expect(last.message_id).toBe(calls[2]?.message?.message_id);
    expect(messageText(calls)).toContain("Part 5\nLine 0: xxxx");
  });

  it("still answers when Telegram refuses a button's link: the links follow as text", async () => {
    const wallet = { label: "MetaMask", url: "metamask://dapp/pulse.example.org/sign/abc" };
    const { calls, last } = await deliver(view({ text: ["Sign it"], buttons: [button, wallet] }));
    expect(calls.map((call) => [call.method, call.ok])).toEqual([
      ["sendMessage", false],
      ["sendMessage", true],
      ["sendMessage", true],
    ]);
    expect(calls[0]?.description).toBe("Bad Request: BUTTON_URL_INVALID");
    expect(last.message_id).toBe(calls[1]?.message?.message_id);
    expect(messageText(calls)).toBe(
      `SORA\nSign it\n\nOpen signing page: ${button.url}\nMetaMask: metamask://dapp/pulse.example.org/sign/abc`,
    );
  });
});
