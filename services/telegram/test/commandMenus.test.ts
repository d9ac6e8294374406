import { Api } from "grammy";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { setCommandMenus } from "../src/commandMenus.ts";

describe("setCommandMenus", () => {
  let standIn: BotApiStandIn;

  beforeAll(async () => {
    standIn = await startBotApiStandIn();
    deferTeardown(() => standIn.close());
    await setCommandMenus(new Api(standIn.token, { apiRoot: standIn.apiRoot }));
  });

  /** The menu registered for a scope and language (none: the default for every other language). */
  const menu = (scope: string, languageCode?: string) => {
    const call = standIn
      .callsTo("setMyCommands")
      .find(
        (c) => (c.params.scope as { type: string }).type === scope && c.params.language_code === languageCode,
      );
    return (call?.params.commands as { command: string; description: string }[] | undefined) ?? [];
  };
  const names = (scope: string, languageCode?: string) => menu(scope, languageCode).map((c) => c.command);

  it("registers three menus in English for everyone and three in Chinese for zh users", () => {
    const calls = standIn.callsTo("setMyCommands");
    expect(calls.every((c) => c.ok)).toBe(true);
    expect(
      calls
        .map((c) => `${(c.params.scope as { type: string }).type}/${c.params.language_code ?? "*"}`)
        .sort(),
    ).toEqual([
      "all_chat_administrators/*",
      "all_chat_administrators/zh",
      "all_group_chats/*",
      "all_group_chats/zh",
      "all_private_chats/*",
      "all_private_chats/zh",
    ]);
  });

  it("lists wallet and action commands only in private chats", () => {
    const privateMenu = names("all_private_chats");
    expect(privateMenu).toEqual(
      expect.arrayContaining(["stake", "unstake", "claim", "release", "link", "position"]),
    );
    expect(privateMenu).toContain("yields");
    const groupMenu = names("all_group_chats");
    expect(groupMenu).toEqual(["help", "yields", "sora", "burns", "price", "lang"]);
    expect(groupMenu).not.toContain("stake");
  });

  it("offers /alerts in groups to admins only", () => {
    expect(names("all_group_chats")).not.toContain("alerts");
    expect(names("all_chat_administrators")).toEqual([
      "help",
      "yields",
      "sora",
      "burns",
      "price",
      "lang",
      "alerts",
    ]);
  });

  it("describes each command in the menu's language", () => {
    const yieldsEn = menu("all_group_chats").find((c) => c.command === "yields");
    const yieldsZh = menu("all_group_chats", "zh").find((c) => c.command === "yields");
    expect(yieldsEn?.description).toBe("Staking yields: APR, APY, real yield");
    expect(yieldsZh?.description).toBe("质押收益率：单利、复利与实际收益");
    expect(names("all_private_chats", "zh")).toEqual(names("all_private_chats"));
  });
});
