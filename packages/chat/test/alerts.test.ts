import { SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { describe, expect, it } from "vitest";
import {
  type AlertSettings,
  alertSettingsToJson,
  defaultAlertSettings,
  parseAlertSettings,
} from "../src/alerts/AlertSettings.ts";
import { alertSettingsView } from "../src/alerts/alertSettingsView.ts";
import { applyAlertsChange, parseAlertsCommand } from "../src/alerts/alertsCommand.ts";
import { burnAlertView, digestView, milestoneView } from "../src/alerts/alertViews.ts";
import { crossedMilestones } from "../src/alerts/crossedMilestones.ts";
import { routeBurn } from "../src/alerts/routeBurn.ts";
import { summarizeBurns } from "../src/alerts/summarizeBurns.ts";
import type { BurnEvent } from "../src/gateway/operations/soraBurnedEvent.ts";
import { parseSoraBurnedEvent } from "../src/gateway/operations/soraBurnedEvent.ts";
import type { ChatView } from "../src/views/ChatView.ts";

const E18 = 10n ** 18n;
const HASH = `0x${"ab".repeat(32)}`;
const at = (iso: string) => new Date(iso);
const textOf = (view: ChatView) =>
  [
    view.title,
    ...(view.text ?? []),
    ...view.sections.flatMap((s) => s.lines.map((l) => `${l.label}: ${l.value}`)),
    view.footer,
  ].join("\n");

const burn = (overrides: Partial<BurnEvent> = {}): BurnEvent => ({
  id: "b1",
  amount: 1_500n * E18,
  reason: "SELL",
  totalBurned: 161_076_068_906n * 10n ** 15n,
  txHash: HASH,
  blockNumber: 1234n,
  time: at("2026-11-21T14:05:00Z"),
  ...overrides,
});

describe("routeBurn", () => {
  const settings = (overrides: Partial<AlertSettings> = {}): AlertSettings => ({
    ...defaultAlertSettings,
    ...overrides,
  });
  const now = at("2026-11-21T14:05:30Z");

  it("sends a burn at once by default", () => {
    expect(routeBurn(settings(), burn(), now)).toEqual({ action: "send" });
  });

  it("drops burns when alerts are off, and burns below the chat's minimum", () => {
    expect(routeBurn(settings({ enabled: false }), burn(), now)).toEqual({
      action: "drop",
      reason: "disabled",
    });
    expect(routeBurn(settings({ minAmount: 2_000n * E18 }), burn(), now)).toEqual({
      action: "drop",
      reason: "below_minimum",
    });
    expect(routeBurn(settings({ minAmount: 1_500n * E18 }), burn(), now)).toEqual({ action: "send" });
  });

  it("puts a burn in digest mode into the current UTC-aligned window, sent when it ends", () => {
    expect(routeBurn(settings({ mode: "digest", digestWindowMinutes: 15 }), burn(), now)).toEqual({
      action: "digest",
      windowStart: at("2026-11-21T14:00:00Z"),
      sendAt: at("2026-11-21T14:15:00Z"),
    });
  });

  it("holds burns in quiet hours (in the chat's zone, across midnight) until they end", () => {
    // 23:00–07:00 in UTC+8 is 15:00–23:00 UTC.
    const quiet = settings({
      quietHours: { startMinute: 23 * 60, endMinute: 7 * 60, utcOffsetMinutes: 480 },
    });
    expect(routeBurn(quiet, burn(), at("2026-11-21T14:59:59Z"))).toEqual({ action: "send" });
    expect(routeBurn(quiet, burn(), at("2026-11-21T15:00:00Z"))).toEqual({
      action: "hold",
      until: at("2026-11-21T23:00:00Z"),
    });
    expect(routeBurn(quiet, burn(), at("2026-11-21T22:59:30Z"))).toEqual({
      action: "hold",
      until: at("2026-11-21T23:00:00Z"),
    });
    expect(routeBurn(quiet, burn(), at("2026-11-21T23:00:00Z"))).toEqual({ action: "send" });
  });

  it("sends a digest whose window ends in quiet hours when they end", () => {
    const quietDigest = settings({
      mode: "digest",
      digestWindowMinutes: 60,
      quietHours: { startMinute: 22 * 60, endMinute: 6 * 60 + 30, utcOffsetMinutes: -300 },
    });
    // 02:40 UTC is 21:40 in UTC-5: not quiet yet; the window ends at 22:00 local, when quiet hours start.
    expect(routeBurn(quietDigest, burn(), at("2026-11-21T02:40:00Z"))).toEqual({
      action: "digest",
      windowStart: at("2026-11-21T02:00:00Z"),
      sendAt: at("2026-11-21T11:30:00Z"),
    });
  });
});

describe("digests", () => {
  const burst = [
    burn({
      id: "1",
      amount: 100n * E18,
      reason: "SELL",
      totalBurned: 1_000_100n * E18,
      time: at("2026-11-21T14:00:05Z"),
    }),
    burn({
      id: "2",
      amount: 2_500n * E18,
      reason: "BUYBACK",
      totalBurned: 1_002_600n * E18,
      time: at("2026-11-21T14:07:00Z"),
    }),
    burn({
      id: "3",
      amount: 400n * E18,
      reason: "SELL",
      totalBurned: 1_003_000n * E18,
      time: at("2026-11-21T14:12:00Z"),
      blockNumber: 1300n,
    }),
  ];

  it("fold a burst into one message with the count and the total, counting a replayed burn once", () => {
    const digest = summarizeBurns([...burst, burst[1] as BurnEvent]);
    expect(digest).toMatchObject({
      count: 3,
      total: 3_000n * E18,
      sells: { count: 2, total: 500n * E18 },
      buybacks: { count: 1, total: 2_500n * E18 },
      largest: { id: "2" },
      latest: { id: "3" },
      totalBurned: 1_003_000n * E18,
      first: at("2026-11-21T14:00:05Z"),
      last: at("2026-11-21T14:12:00Z"),
    });
    expect(summarizeBurns([])).toBeUndefined();
  });

  it("read as one message in both languages", () => {
    const digest = summarizeBurns(burst);
    if (!digest) throw new Error("no digest");
    const en = textOf(digestView("en", digest));
    expect(en).toMatch(/^🔥 3 burns: 3,000 SORA/);
    expect(en).toMatch(/Sells: 2 · 500 SORA/);
    expect(en).toMatch(/Largest: 2,500 SORA · buyback/);
    expect(en).toMatch(/Block 1,300/);
    expect(textOf(digestView("zh", digest))).toMatch(/^🔥 3 笔销毁，合计 3,000 SORA/);
  });
});

describe("burn alerts", () => {
  it("say the amount, the reason, the new total and its share of supply, and link the transaction", () => {
    const view = burnAlertView("en", burn(), {
      explorer: { txUrlTemplate: "https://scan.example/tx/{hash}" },
    });
    expect(textOf(view)).toMatch(
      /^🔥 1,500 SORA burned\nReason: a sell into the pool\nTotal burned: 161\.08M SORA \(76\.70% of supply\)/,
    );
    expect(view.buttons).toEqual([{ label: "View transaction", url: `https://scan.example/tx/${HASH}` }]);
    expect(view.footer).toBe("Block 1,234 · 21 Nov 2026, 14:05 UTC");
  });

  it("show the hash itself where there is no explorer (the devnet), in Chinese too", () => {
    const view = burnAlertView("zh", burn({ reason: "BUYBACK" }));
    expect(view.buttons).toEqual([]);
    expect(textOf(view)).toMatch(/原因: 质押手续费回购/);
    expect(textOf(view)).toMatch(/累计销毁: 1\.61亿 SORA（占总量 76\.70%）/);
    expect(view.sections[0]?.lines.at(-1)).toEqual({ label: "交易", value: HASH, mono: true });
  });
});

describe("milestones", () => {
  const share = (percent: bigint, extra = 0n) => (SORA_MAX_SUPPLY * percent) / 100n + extra;

  it("are crossed when the burned share passes a step, exactly at the threshold", () => {
    expect(crossedMilestones(share(69n), share(70n), SORA_MAX_SUPPLY)).toEqual([70]);
    expect(crossedMilestones(share(70n), share(71n, -1n), SORA_MAX_SUPPLY)).toEqual([]);
    expect(crossedMilestones(share(9n), share(21n), SORA_MAX_SUPPLY)).toEqual([10, 20]);
    expect(crossedMilestones(share(76n, 1n), share(77n, 5n), SORA_MAX_SUPPLY)).toEqual([77]);
  });

  it("get their own message", () => {
    const view = milestoneView("en", 77, burn({ totalBurned: share(77n) }));
    expect(textOf(view)).toMatch(
      /^🎉 77% of all SORA is burned\n161\.7M SORA burned since launch; 48\.3M SORA left/,
    );
    expect(textOf(milestoneView("zh", 77, burn({ totalBurned: share(77n) })))).toMatch(/🎉 SORA 已销毁 77%/);
  });
});

describe("/alerts settings", () => {
  it("read every setting the admins can change", () => {
    const change = (text: string) => {
      const parsed = parseAlertsCommand(text.split(" ").filter(Boolean));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
      return applyAlertsChange(defaultAlertSettings, parsed.change);
    };
    expect(change("off").enabled).toBe(false);
    expect(change("min 1,000.5").minAmount).toBe(1_000_500_000_000_000_000_000n);
    expect(change("min 0").minAmount).toBe(0n);
    expect(change("digest 15")).toMatchObject({ mode: "digest", digestWindowMinutes: 15 });
    expect(change("quiet 23:00-07:30 UTC+8").quietHours).toEqual({
      startMinute: 1380,
      endMinute: 450,
      utcOffsetMinutes: 480,
    });
    expect(change("quiet 1:00-6:00 utc-5:30").quietHours?.utcOffsetMinutes).toBe(-330);
    expect(change("quiet off").quietHours).toBeUndefined();
  });

  it("error: refuse what is not a setting with a code the views word", () => {
    const problem = (text: string) => {
      const parsed = parseAlertsCommand(text.split(" "));
      return parsed.ok ? undefined : parsed.problem.code;
    };
    expect(problem("loud")).toBe("alerts_setting");
    expect(problem("digest 0")).toBe("alerts_minutes");
    expect(problem("digest 99999")).toBe("alerts_minutes");
    expect(problem("quiet 25:00-07:00")).toBe("alerts_quiet_hours");
    expect(problem("quiet 23:00-07:00 UTC+15")).toBe("alerts_zone");
    expect(problem("min abc")).toBe("amount");
    expect(problem("on now")).toBe("too_many");
  });

  it("show the chat's settings in both languages", () => {
    const settings: AlertSettings = {
      enabled: true,
      minAmount: 1_000n * E18,
      mode: "digest",
      digestWindowMinutes: 90,
      quietHours: { startMinute: 1380, endMinute: 420, utcOffsetMinutes: 480 },
    };
    expect(textOf(alertSettingsView("en", settings, true))).toMatch(
      /Saved\.\nAlerts: on\nSmallest burn alerted: 1,000 SORA\nDelivery: a digest every 1 h 30 min\nQuiet hours: 23:00–07:00 UTC\+8/,
    );
    expect(textOf(alertSettingsView("zh", settings, false))).toMatch(/发送方式: 每 1 小时 30 分钟 汇总一次/);
  });

  it("survive storage as JSON, and fall back to the defaults when a row is damaged", () => {
    const settings: AlertSettings = {
      ...defaultAlertSettings,
      minAmount: 123n * E18,
      quietHours: { startMinute: 1, endMinute: 2, utcOffsetMinutes: -60 },
    };
    expect(parseAlertSettings(JSON.parse(JSON.stringify(alertSettingsToJson(settings))))).toEqual(settings);
    expect(parseAlertSettings({ enabled: "yes" })).toEqual(defaultAlertSettings);
  });
});

describe("parseSoraBurnedEvent", () => {
  it("reads a subscription event with exact amounts", () => {
    const event = parseSoraBurnedEvent({
      soraBurned: {
        id: "YnVybjoxOjA",
        amount: { raw: "123456789012345678901234567", decimals: 18, symbol: "SORA" },
        reason: "BUYBACK",
        totalBurned: { raw: "161076068906000000000000000", decimals: 18, symbol: "SORA" },
        txHash: HASH,
        block: { number: "99", timestamp: "2026-11-21T14:05:00.000Z" },
      },
    });
    expect(event).toEqual({
      id: "YnVybjoxOjA",
      amount: 123456789012345678901234567n,
      reason: "BUYBACK",
      totalBurned: 161076068906000000000000000n,
      txHash: HASH,
      blockNumber: 99n,
      time: at("2026-11-21T14:05:00Z"),
    });
    expect(parseSoraBurnedEvent({ soraBurned: { id: 1 } })).toBeUndefined();
  });
});
