import { describe, expect, it } from "vitest";
import { createDiscordConfig } from "../src/config.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GstNd1.abcdefghijklmnopqrstuvwxyz0123456789AB";
const APP = "1234567890123456789";

describe("createDiscordConfig", () => {
  it("reads the token, application id and gateway; a guild id makes deployment local", () => {
    expect(
      createDiscordConfig({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_APPLICATION_ID: APP,
        DISCORD_GUILD_ID: "987654321098765432",
        GATEWAY_URL: "http://gateway:4000/",
        DISCORD_API_ROOT: "http://127.0.0.1:9999/api/",
      }),
    ).toEqual({
      token: TOKEN,
      applicationId: APP,
      guildId: "987654321098765432",
      gatewayUrl: "http://gateway:4000",
      apiRoot: "http://127.0.0.1:9999/api",
      redisPrefix: "luma-pulse:",
    });
    expect(
      createDiscordConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: "" })
        .guildId,
    ).toBeUndefined();
  });

  it("error: one line per missing or bad variable, naming it, never echoing a secret", () => {
    expect(() => createDiscordConfig({})).toThrow(
      /^DISCORD_TOKEN is required: .*Reset Token\)\.\nDISCORD_APPLICATION_ID is required: .*General Information\)\.$/,
    );
    let message = "";
    try {
      createDiscordConfig({
        DISCORD_TOKEN: "secret-but-wrong",
        DISCORD_APPLICATION_ID: "app",
        GATEWAY_URL: "ftp://x",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "DISCORD_TOKEN=… is invalid: does not look like a bot token (three dot-separated parts).",
      "DISCORD_APPLICATION_ID=app is invalid: expected a Discord id (17-20 digits).",
      "GATEWAY_URL=ftp://x is invalid: expected the gateway's http(s):// URL, like http://127.0.0.1:4000.",
    ]);
  });
});
