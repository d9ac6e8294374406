import { randomUUID } from "node:crypto";
import { createRateGate, telegramRateLimits } from "@luma-pulse/chat";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { throttleSends } from "../src/throttleSends.ts";

describe("throttleSends", () => {
  it("replies and an alert broadcast share Telegram's limits: run at once, nothing is refused", async () => {
    const standIn = await startBotApiStandIn(); // Telegram's limits: 30/s, 1/s per chat
    deferTeardown(() => standIn.close());
    const gate = createRateGate({ keyPrefix: `test:${randomUUID()}` });
    // The delivery worker's Api sends only once the gate gave it a slot; the bot's replies go through the transformer.
    const workerApi = new Api(standIn.token, { apiRoot: standIn.apiRoot });
    const botApi = new Api(standIn.token, { apiRoot: standIn.apiRoot });
    botApi.config.use(throttleSends(gate, telegramRateLimits));
    const subscribers = Array.from({ length: 30 }, (_, i) => String(5_400_000_000 + i));
    const members = Array.from({ length: 8 }, (_, i) => String(5_400_100_000 + i));
    // A running bot's connections are open: the sends should not wait for their sockets here either.
    await Promise.all(subscribers.map(() => workerApi.getMe()));
    await Promise.all(members.map(() => botApi.getMe()));
    const alert = async (chatId: string) => {
      await gate.acquire(telegramRateLimits.limitsFor(chatId));
      return workerApi.sendMessage(chatId, "🔥 1,200 SORA burned");
    };
    // A member asking twice in a row gets both answers too (one a second to a chat).
    const reply = async (chatId: string) => {
      await botApi.sendMessage(chatId, "Prices");
      await botApi.sendMessage(chatId, "Commands");
    };
    await Promise.all([...subscribers.map(alert), ...members.map(reply)]);
    expect(standIn.calls.filter((call) => !call.ok)).toEqual([]);
    expect(standIn.sentMessages()).toHaveLength(subscribers.length + 2 * members.length);
  });
});
