import { describe, expect, it } from "vitest";
import { domainErrorMessages } from "../../../services/gateway/src/errors/domainErrorMessages.ts";
import type { CommandDefinition } from "../src/commands/CommandDefinition.ts";
import { commandDefinitions } from "../src/commands/commandDefinitions.ts";
import { commandMenu, slashCommandSpecs } from "../src/commands/commandMenu.ts";
import { GatewayError } from "../src/gateway/GatewayError.ts";
import { errorText } from "../src/i18n/errors/errorText.ts";
import { gatewayErrorCodes } from "../src/i18n/errors/gatewayErrorCodes.ts";
import { localeOf } from "../src/i18n/localeOf.ts";
import { en } from "../src/i18n/texts/en.ts";
import { zh } from "../src/i18n/texts/zh.ts";

/** Params that answer every key with "7", so any wording can be called. */
const anyParams = new Proxy({}, { get: () => "7" }) as never;

/** Every leaf of a catalog by its dotted path: a string, or what a wording returns. */
function leaves(catalog: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = `${prefix}${key}`;
    if (typeof value === "string") found.set(path, value);
    else if (typeof value === "function") found.set(path, String(value(anyParams)));
    else for (const [inner, text] of leaves(value, `${path}.`)) found.set(inner, text);
  }
  return found;
}

describe("text catalogs", () => {
  it("have the same keys in English and Chinese, none empty or with a missing value", () => {
    const english = leaves(en);
    const chinese = leaves(zh);
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, text] of [...english, ...chinese]) {
      expect(text.trim(), path).not.toBe("");
      expect(text, path).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("are really Chinese in the Chinese catalog", () => {
    const untranslated = [...leaves(zh)].filter(
      ([path, text]) => text === leaves(en).get(path) && /[a-z]{4,} [a-z]{4,}/.test(text),
    );
    expect(untranslated.map(([path]) => path).filter((path) => !path.startsWith("alerts.howTo"))).toEqual([]);
  });

  it("word every error code the gateway has, in both languages", () => {
    const known = new Set<string>(gatewayErrorCodes);
    const unworded = Object.keys(domainErrorMessages).filter((code) => !known.has(code));
    expect(unworded).toEqual([]);
    for (const code of gatewayErrorCodes) {
      for (const locale of ["en", "zh"] as const) {
        const text = errorText(locale, new GatewayError(code, anyParams));
        expect(text.length, code).toBeGreaterThan(5);
        expect(text.length, code).toBeLessThan(200);
        expect(text, code).not.toMatch(/undefined|Bearer|GATEWAY_SERVICE_TOKEN/);
      }
    }
  });

  it("word an amount refused by the gateway from its reason, and say when to retry", () => {
    const refused = new GatewayError("INVALID_AMOUNT", {
      value: "1e400",
      reason: "scientific",
      symbol: "LUMA",
      decimals: 18,
    });
    expect(errorText("en", refused)).toBe(
      'Write the amount in full digits: "1e400" uses scientific notation.',
    );
    expect(errorText("zh", refused)).toBe('请完整写出数字："1e400" 使用了科学计数法。');
    expect(errorText("zh", new GatewayError("CHAIN_UNAVAILABLE"))).toBe(
      "区块链节点暂时没有响应。请稍后再试。",
    );
    expect(errorText("en", new GatewayError("SOMETHING_NEW"))).toBe(
      "The gateway refused this (SOMETHING_NEW).",
    );
  });
});

describe("localeOf", () => {
  it("maps Telegram's and Discord's Chinese tags to zh and everything else to en", () => {
    for (const tag of ["zh", "zh-hans", "zh-hant", "zh-CN", "zh-TW", "ZH_cn"])
      expect(localeOf(tag), tag).toBe("zh");
    for (const tag of ["en", "en-US", "en-GB", "ru", "", undefined, null])
      expect(localeOf(tag), String(tag)).toBe("en");
  });
});

describe("command definitions", () => {
  const definitions: readonly CommandDefinition[] = commandDefinitions;

  it("fit Telegram's and Discord's rules for names and descriptions", () => {
    for (const definition of definitions) {
      expect(definition.name).toMatch(/^[a-z0-9_]{1,32}$/);
      for (const name of Object.values(definition.localizedName ?? {}))
        expect(name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      for (const text of [
        ...Object.values(definition.description),
        ...definition.args.flatMap((arg) => Object.values(arg.description)),
      ]) {
        expect(text.length, `${definition.name}: ${text}`).toBeGreaterThanOrEqual(3);
        expect(text.length, `${definition.name}: ${text}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it("give groups only what works there, and admins their own commands", () => {
    const names = (menu: { command: string }[]) => menu.map((entry) => entry.command);
    const privateMenu = names(commandMenu("en", { chat: "private", admin: true }));
    const groupMenu = names(commandMenu("zh", { chat: "group", admin: false }));
    const adminMenu = names(commandMenu("zh", { chat: "group", admin: true }));
    expect(privateMenu).toEqual(
      expect.arrayContaining([
        "stake",
        "unstake",
        "claim",
        "release",
        "buy_sora",
        "sell_sora",
        "link",
        "alerts",
      ]),
    );
    expect(privateMenu).not.toContain("start");
    expect(groupMenu).toEqual(["help", "yields", "sora", "burns", "price", "lang"]);
    expect(adminMenu).toEqual([...groupMenu, "alerts"]);
    expect(commandMenu("zh", { chat: "group", admin: false })[1]).toEqual({
      command: "yields",
      description: "质押收益率：单利、复利与实际收益",
    });
  });

  it("give Discord its commands with dashes, localized names, choices and minimums", () => {
    const specs = slashCommandSpecs();
    expect(specs.map((spec) => spec.name)).toEqual([
      "yields",
      "sora",
      "burns",
      "price",
      "position",
      "stake",
      "unstake",
      "claim",
      "release",
      "buy-sora",
      "sell-sora",
      "link",
      "unlink",
    ]);
    expect(specs.find((spec) => spec.name === "stake")?.options).toEqual([
      expect.objectContaining({ name: "amount", kind: "number_text", required: true }),
      expect.objectContaining({ name: "asset", kind: "choice", choices: ["pop", "luma"], required: true }),
    ]);
    expect(specs.find((spec) => spec.name === "release")?.options[0]).toMatchObject({
      kind: "integer",
      minValue: 0,
      required: false,
    });
  });
});
