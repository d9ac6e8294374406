import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.ts";
import { pickLocale } from "../src/i18n/pickLocale.ts";
import { catalogs, placeholdersOf, translate } from "../src/i18n/translate.ts";
import { zh } from "../src/i18n/zh.ts";

describe("catalogs", () => {
  it("have the same keys in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same {placeholders} for a key in both languages", () => {
    const differing = Object.keys(en).filter(
      (key) =>
        JSON.stringify(placeholdersOf(catalogs.en[key as keyof typeof en])) !==
        JSON.stringify(placeholdersOf(catalogs.zh[key as keyof typeof en])),
    );
    expect(differing).toEqual([]);
  });

  it("have no empty message", () => {
    for (const locale of ["en", "zh"] as const) {
      const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === "");
      expect(empty, locale).toEqual([]);
    }
  });

  it("has a Chinese text for every gateway error code the page words itself", () => {
    const codes = Object.keys(en).filter((key) => key.startsWith("gateway."));
    expect(codes).toContain("gateway.UNKNOWN_INTENT");
    for (const code of codes) expect(zh[code as keyof typeof en]).not.toBe(en[code as keyof typeof en]);
  });
});

describe("translate", () => {
  it("fills parameters in the chosen language", () => {
    const text = { key: "step.label", params: { n: 1, total: 2 } } as const;
    expect(translate("en", text)).toBe("Step 1 of 2");
    expect(translate("zh", text)).toBe("第 1 步，共 2 步");
  });

  it("words a nested text (a failure's reason) in the same language", () => {
    const text = { key: "status.FAILED", params: { reason: { key: "reason.STEP_REVERTED" } } } as const;
    expect(translate("en", text)).toBe(
      "This request failed: a transaction reverted on chain. Nothing more will be sent.",
    );
    expect(translate("zh", text)).toBe("此请求失败：有交易在链上回滚。不会再发送任何交易。");
  });

  it("leaves a missing parameter visible rather than printing undefined", () => {
    expect(translate("en", { key: "step.label", params: { n: 1 } })).toBe("Step 1 of {total}");
  });

  it("shows raw text (a gateway's own message) as it came", () => {
    expect(translate("zh", { raw: "签名请求不存在" })).toBe("签名请求不存在");
  });
});

describe("pickLocale", () => {
  it("keeps the member's earlier choice over the browser's languages", () => {
    expect(pickLocale("en", ["zh-CN", "zh"])).toBe("en");
    expect(pickLocale("zh", ["en-US"])).toBe("zh");
  });

  it("takes the first Chinese or English browser language, any region", () => {
    expect(pickLocale(null, ["zh-TW", "en"])).toBe("zh");
    expect(pickLocale(null, ["fr-FR", "en-GB", "zh"])).toBe("en");
    expect(pickLocale(undefined, ["ZH-hant-HK"])).toBe("zh");
  });

  it("falls back to English for other languages or a stored value it does not know", () => {
    expect(pickLocale("de", ["de-DE", "ja"])).toBe("en");
    expect(pickLocale(null, [])).toBe("en");
  });
});
