import { describe, expect, it } from "vitest";
import { createTelegramConfig } from "../src/config.ts";

const TOKEN = "123456789:AAE-fake_token_for_tests_0123456789ab";

describe("createTelegramConfig", () => {
  it("needs only the bot token: the gateway on this machine, long polling, no Redis", () => {
    expect(createTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN })).toEqual({
      token: TOKEN,
      gatewayUrl: "http://127.0.0.1:4000",
      gatewayServiceToken: undefined,
      gatewayApiKey: undefined,
      webhook: undefined,
      apiRoot: undefined,
      redisUrl: undefined,
      redisPrefix: "luma-pulse:",
      explorer: undefined,
    });
  });

  it("takes webhook mode with its secret and port, and another Bot API server", () => {
    const config = createTelegramConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      GATEWAY_URL: "https://gateway.internal:4000/",
      GATEWAY_SERVICE_TOKEN: "x".repeat(32),
      GATEWAY_API_KEY: "telegram-bot-key-0123456789",
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram",
      TELEGRAM_WEBHOOK_SECRET: "s3cret_-token",
      TELEGRAM_WEBHOOK_PORT: "8443",
      TELEGRAM_API_ROOT: "http://127.0.0.1:8081/",
      REDIS_URL: "redis://127.0.0.1:6379",
      EXPLORER_TX_URL: "https://scan.example.org/tx/{hash}",
    });
    expect(config).toMatchObject({
      gatewayUrl: "https://gateway.internal:4000",
      gatewayApiKey: "telegram-bot-key-0123456789",
      webhook: { url: "https://bot.example.org/telegram", secretToken: "s3cret_-token", port: 8443 },
      apiRoot: "http://127.0.0.1:8081",
      redisUrl: "redis://127.0.0.1:6379",
      explorer: { txUrlTemplate: "https://scan.example.org/tx/{hash}" },
    });
  });

  it("treats empty variables as unset", () => {
    expect(
      createTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: "", REDIS_URL: " " }).webhook,
    ).toBe(undefined);
  });

  it("error: without a token it says where to get one", () => {
    expect(() => createTelegramConfig({})).toThrow(
      /^TELEGRAM_BOT_TOKEN is required: the token @BotFather gave you/,
    );
  });

  it("error: one line per problem, naming each variable and never echoing a secret", () => {
    const error = (() => {
      try {
        createTelegramConfig({
          TELEGRAM_BOT_TOKEN: "not-a-token-but-a-secret",
          GATEWAY_URL: "ftp://gateway",
          TELEGRAM_WEBHOOK_URL: "http://bot.example.org/hook",
          TELEGRAM_WEBHOOK_PORT: "70000",
        });
      } catch (e) {
        return e as Error;
      }
    })();
    const lines = error?.message.split("\n") ?? [];
    expect(lines).toEqual([
      "TELEGRAM_BOT_TOKEN=… is invalid: does not look like a bot token (digits, a colon, then 30+ letters).",
      "GATEWAY_URL=ftp://gateway is invalid: expected the gateway's http(s):// URL, like http://127.0.0.1:4000.",
      "TELEGRAM_WEBHOOK_URL=http://bot.example.org/hook is invalid: expected the public https:// URL Telegram posts updates to.",
      "TELEGRAM_WEBHOOK_PORT=70000 is invalid: expected a port between 1 and 65535 (or 0 for any free port).",
      "TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL, so that only Telegram can post updates (openssl rand -hex 32).",
    ]);
    expect(error?.message).not.toContain("not-a-token-but-a-secret");
  });

  it("error: a webhook secret Telegram would refuse", () => {
    expect(() =>
      createTelegramConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook",
        TELEGRAM_WEBHOOK_SECRET: "has spaces!",
      }),
    ).toThrow("TELEGRAM_WEBHOOK_SECRET=… is invalid: expected 1-256 characters of A-Z, a-z, 0-9, _ and -.");
  });

  it("error: a webhook secret without the webhook URL (long polling would ignore it)", () => {
    expect(() =>
      createTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "s3cret_-token" }),
    ).toThrow(
      "TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set the URL for webhook mode, or unset the secret for long polling.",
    );
  });

  it("error: an explorer link that is not https or has no {hash} in it", () => {
    const problem = (url: string) => {
      try {
        createTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, EXPLORER_TX_URL: url });
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problem("https://scan.example.org/tx/")).toBe(
      "EXPLORER_TX_URL=https://scan.example.org/tx/ is invalid: expected {hash} where the transaction hash goes.",
    );
    expect(problem("http://scan.example.org/tx/{hash}")).toBe(
      "EXPLORER_TX_URL=http://scan.example.org/tx/{hash} is invalid: expected an https:// URL with {hash} in it.",
    );
  });
});
