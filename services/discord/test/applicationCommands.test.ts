import { REST } from "discord.js";
import { describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { startDiscordApiStandIn } from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { deployCommands } from "../src/deployCommands.ts";
import { applicationCommands } from "../src/interactions/applicationCommands.ts";

const byName = (name: string) => applicationCommands.find((command) => command.name === name);
// Discord's rules for a CHAT_INPUT command or option name (https://discord.com/developers/docs/interactions/application-commands).
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe("applicationCommands", () => {
  it("has every command of the issue, with zh-CN and en-US names and descriptions within Discord's limits", () => {
    expect(applicationCommands.map((c) => c.name).sort()).toEqual(
      [
        "alerts",
        "burns",
        "buy-sora",
        "claim",
        "link",
        "position",
        "price",
        "release",
        "sell-sora",
        "sora",
        "stake",
        "stats",
        "unlink",
        "unstake",
        "yields",
      ].sort(),
    );
    for (const command of applicationCommands) {
      expect(command.name).toMatch(NAME);
      expect(command.name).toBe(command.name.toLowerCase());
      for (const locale of ["zh-CN", "en-US"] as const) {
        expect(command.name_localizations?.[locale]).toMatch(NAME);
        expect(command.description_localizations?.[locale]?.length).toBeLessThanOrEqual(100);
      }
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
    expect(byName("yields")?.name_localizations).toEqual({ "zh-CN": "收益率", "en-US": "yields" });
    expect(byName("stake")?.description_localizations?.["zh-CN"]).toMatch(/^质押/);
  });

  it("lets Discord check what it can: choices, minimums, channel kinds", () => {
    const stake = byName("stake")?.options ?? [];
    expect(stake.map((o) => [o.name, o.required])).toEqual([
      ["amount", true],
      ["asset", true],
    ]);
    expect(stake[1]).toMatchObject({
      choices: [
        { name: "pop", value: "pop" },
        { name: "luma", value: "luma" },
      ],
    });
    expect(byName("claim")?.options?.[0]).toMatchObject({
      name: "position",
      type: 4,
      min_value: 0,
      required: false,
    });
    const live = byName("stats")?.options?.find((o) => o.name === "live");
    expect(live).toMatchObject({
      options: [
        { name: "channel", type: 7, channel_types: [0, 5] },
        { name: "interval", type: 4, min_value: 5, max_value: 1440 },
      ],
    });
    expect(byName("alerts")?.options?.map((o) => o.name)).toEqual(["set", "off"]);
  });

  it("hides the moderator tools from members by default (Manage Server) and keeps them to servers", () => {
    for (const name of ["stats", "alerts"]) {
      expect(byName(name)).toMatchObject({ default_member_permissions: "32", contexts: [0] });
    }
    expect(byName("price")?.default_member_permissions).toBeUndefined();
    expect(byName("price")?.contexts).toEqual([0, 1]);
  });
});

describe("deployCommands", () => {
  it("bulk-overwrites one server's commands with a guild id, else the global ones", async () => {
    const standIn = await startDiscordApiStandIn();
    deferTeardown(() => standIn.close());
    const rest = new REST({ api: standIn.apiRoot }).setToken(standIn.token);
    const app = standIn.applicationId;
    expect(await deployCommands(rest, { applicationId: app, guildId: "1390000000000000001" })).toBe(
      applicationCommands.length,
    );
    expect(await deployCommands(rest, { applicationId: app })).toBe(applicationCommands.length);
    expect(standIn.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `PUT /applications/${app}/guilds/1390000000000000001/commands 200`,
      `PUT /applications/${app}/commands 200`,
    ]);
    expect(standIn.calls[0]?.body).toEqual(JSON.parse(JSON.stringify(applicationCommands)));
  });
});
