import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { discordErrors } from "../../../test/helpers/discord/discordErrors.ts";
import {
  type DiscordApiStandIn,
  startDiscordApiStandIn,
} from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { createAlertRest } from "../src/delivery/createAlertRest.ts";
import { createDiscordSender, messageNonce } from "../src/delivery/createDiscordSender.ts";
import { discordRateLimits } from "../src/delivery/discordRateLimits.ts";
import { embedText } from "./embedText.ts";

const view = (title: string) => ({ tone: "info" as const, title, sections: [], buttons: [] });

describe("createDiscordSender", () => {
  let standIn: DiscordApiStandIn;
  let sender: ReturnType<typeof createDiscordSender>;

  beforeAll(async () => {
    standIn = await startDiscordApiStandIn();
    deferTeardown(() => standIn.close());
    // As startDiscordBot makes it: a 429 comes back at once, and nothing is retried by the REST.
    const rest = createAlertRest({ apiRoot: standIn.apiRoot, token: standIn.token });
    sender = createDiscordSender(rest);
  });

  it("posts the alert with a nonce of at most 25 characters and enforce_nonce", async () => {
    const key = "delivery:3f9a1c20-7e7b-4a64-9d0e-2c1d6b1f0a99:burn-0x1234";
    const result = await sender.send({
      chatId: "1380000000000000001",
      view: view("🔥 1,000 SORA burned"),
      idempotencyKey: key,
    });
    expect(result).toMatchObject({ kind: "sent" });
    const [call] = standIn.callsTo(/^POST \/channels\/1380000000000000001\/messages$/);
    expect(call?.body).toMatchObject({ nonce: messageNonce(key), enforce_nonce: true });
    expect(messageNonce(key)).toHaveLength(25);
    expect(messageNonce(key)).toBe(messageNonce(key));
    expect(messageNonce(`${key}!`)).not.toBe(messageNonce(key));
    expect(embedText(standIn.channelMessages("1380000000000000001")[0])).toBe("🔥 1,000 SORA burned");
  });

  it("a resend of the same outbox message (after a crash) returns the message already posted: no duplicate", async () => {
    const channel = "1380000000000000002";
    const first = await sender.send({ chatId: channel, view: view("alert"), idempotencyKey: "outbox-42" });
    const again = await sender.send({ chatId: channel, view: view("alert"), idempotencyKey: "outbox-42" });
    expect(again).toEqual(first);
    expect(standIn.channelMessages(channel)).toHaveLength(1);
    await sender.send({ chatId: channel, view: view("next alert"), idempotencyKey: "outbox-43" });
    expect(standIn.channelMessages(channel)).toHaveLength(2);
  });

  it("a deleted channel or lost access is gone; a 5xx failed, to retry later; a refused message rejected", async () => {
    const send = (chatId: string) =>
      sender.send({ chatId, view: view("alert"), idempotencyKey: `k-${chatId}` });
    standIn.setChannel("1380000000000000010", "deleted");
    standIn.setChannel("1380000000000000011", "no_access");
    standIn.setChannel("1380000000000000012", "no_permissions");
    expect(await send("1380000000000000010")).toEqual({ kind: "gone", reason: "10003 Unknown Channel" });
    expect(await send("1380000000000000011")).toEqual({ kind: "gone", reason: "50001 Missing Access" });
    expect(await send("1380000000000000012")).toEqual({ kind: "gone", reason: "50013 Missing Permissions" });
    standIn.failNext(/^POST \/channels\/1380000000000000013\//, discordErrors.serverError);
    expect(await send("1380000000000000013")).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/500/),
    });
    expect(await send("1380000000000000013")).toMatchObject({ kind: "sent" });
    // A body Discord refuses will be refused again: a few tries, not a day of retries.
    standIn.failNext(/^POST \/channels\/1380000000000000014\//, discordErrors.invalidFormBody);
    expect(await send("1380000000000000014")).toMatchObject({
      kind: "rejected",
      error: expect.stringMatching(/400 50035/),
    });
  });

  it("a 429 is retry_after with Discord's wait; other channels go on", async () => {
    const channel = "1380000000000000020";
    standIn.failNext(/^POST \/channels\/1380000000000000020\//, { status: 429, retryAfterMs: 2_500 });
    const limited = await sender.send({ chatId: channel, view: view("a"), idempotencyKey: "r-1" });
    expect(limited.kind).toBe("retry_after");
    // At least Discord's retry_after (the REST rounds up to its Retry-After header, plus a margin).
    expect(limited.kind === "retry_after" && limited.retryAfterMs).toBeGreaterThanOrEqual(2_500);
    expect(
      await sender.send({ chatId: "1380000000000000021", view: view("b"), idempotencyKey: "r-2" }),
    ).toMatchObject({
      kind: "sent",
    });
  });

  it("over the channel's 5 messages per 5 s, it says how long to wait instead of breaking the limit", async () => {
    const channel = "1380000000000000030";
    const results = [];
    for (let i = 0; i < 7; i++) {
      results.push(await sender.send({ chatId: channel, view: view(`#${i}`), idempotencyKey: `burst-${i}` }));
    }
    expect(results.slice(0, 5).every((r) => r.kind === "sent")).toBe(true);
    for (const result of results.slice(5)) {
      expect(result.kind).toBe("retry_after");
      expect(result.kind === "retry_after" && result.retryAfterMs).toBeGreaterThan(0);
    }
    expect(standIn.channelMessages(channel)).toHaveLength(5);
  });
});

describe("discordRateLimits", () => {
  it("takes 5 per 5 s in the channel and 48 of the bot's 50 per second overall", () => {
    expect(discordRateLimits.limitsFor("1380000000000000040")).toEqual([
      { key: "channel:1380000000000000040", points: 5, durationMs: 5_000 },
      { key: "global", points: 48, durationMs: 1_000 },
    ]);
  });
});
