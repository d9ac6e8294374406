import { formatAmount } from "@luma-pulse/protocol/browser";
import { describe, expect, it } from "vitest";
import type { IntentStep, SigningIntent } from "../src/api/types.ts";
import { readCallTerms } from "../src/checks/callTerms.ts";
import { describeAction } from "../src/format/describeAction.ts";
import { describeStep } from "../src/format/describeStep.ts";
import { formatCountdown, formatDateTime } from "../src/format/formatTime.ts";
import { formatExactTokenAmount, formatTokenAmount } from "../src/format/formatTokenAmount.ts";
import { checksummed, shortAddress } from "../src/format/shortAddress.ts";
import { translate } from "../src/i18n/translate.ts";
import {
  amount,
  buySoraIntent,
  claimIntent,
  deployment,
  e18,
  releaseEarlyIntent,
  sellSoraIntent,
  stakeLumaIntent,
  stakePopIntent,
  unstakeLumaIntent,
  withArgs,
} from "./intentFixture.ts";

describe("formatTokenAmount", () => {
  it("writes exact base units with grouping and the symbol", () => {
    expect(formatTokenAmount({ raw: "1234567890000000000000", decimals: 18, symbol: "LUMA" })).toBe(
      "1,234.56789 LUMA",
    );
    expect(formatTokenAmount({ raw: 100n * 10n ** 18n, decimals: 18, symbol: "POP" })).toBe("100 POP");
  });

  it("rounds to 6 fraction digits, half up, without any float", () => {
    expect(formatTokenAmount({ raw: "123456789012345678901234567890", decimals: 18, symbol: "SORA" })).toBe(
      "123,456,789,012.345679 SORA",
    );
    expect(formatTokenAmount({ raw: "1000000500000000000", decimals: 18, symbol: "LUMA" })).toBe(
      "1.000001 LUMA",
    );
    expect(formatTokenAmount({ raw: "1000000499999999999", decimals: 18, symbol: "LUMA" })).toBe("1 LUMA");
  });

  it("rounds exactly like the gateway's `formatted` (formatAmount, 6 digits): the bot shows the same", () => {
    const cases: [bigint, number][] = [
      [0n, 18],
      [1n, 18], // dust: "0" on the gateway and the bot, so here too (the call shows its base units)
      [499_999_999_999n, 18],
      [500_000_000_000n, 18],
      [999_999_500_000_000_000n, 18],
      [1_234_567_890_123_456_789n, 18],
      [10n ** 30n + 5n * 10n ** 11n, 18],
      [2n ** 255n, 18],
      [1_234_567n, 6], // USDT
      [1n, 6],
      [999_999_999_999n, 0],
    ];
    for (const [raw, decimals] of cases) {
      const gateway = formatAmount(raw, decimals, { maxFractionDigits: 6 });
      expect(formatTokenAmount({ raw: raw.toString(), decimals, symbol: "T" }), `${raw}/${decimals}`).toBe(
        `${gateway} T`,
      );
    }
  });

  it("writes every digit when a refusal compares two amounts", () => {
    expect(formatExactTokenAmount({ raw: "100000000000000000001", decimals: 18, symbol: "LUMA" })).toBe(
      "100.000000000000000001 LUMA",
    );
  });
});

describe("formatCountdown", () => {
  it("shows minutes and seconds, hours from an hour up, and 0:00 once past", () => {
    expect(formatCountdown(899_500)).toBe("14:59");
    expect(formatCountdown(5_000)).toBe("0:05");
    expect(formatCountdown(3_723_000)).toBe("1:02:03");
    expect(formatCountdown(-10_000)).toBe("0:00");
  });
});

describe("formatDateTime", () => {
  it("writes a date and time in the page's language", () => {
    const iso = "2026-11-21T16:05:00.000Z";
    expect(formatDateTime(iso, "en", "UTC")).toMatch(/Nov 21, 2026.*4:05\sPM/);
    expect(formatDateTime(iso, "zh", "UTC")).toMatch(/2026年11月21日.*16:05/);
  });
});

describe("addresses", () => {
  it("are shown checksummed, in full or shortened", () => {
    const lower = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    expect(checksummed(lower)).toBe("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    expect(shortAddress(lower)).toBe("0x7099…79C8");
  });
});

describe("describeAction", () => {
  const termsOf = (intent: SigningIntent) => readCallTerms(intent.steps.at(-1) as IntentStep, deployment);

  it("says the action in words with the amount its call spends", () => {
    const intent = stakeLumaIntent();
    expect(translate("en", describeAction(intent, termsOf(intent)))).toBe("Stake 100 LUMA");
    expect(translate("zh", describeAction(intent, termsOf(intent)))).toBe("质押 100 LUMA");
    const buy = buySoraIntent();
    expect(translate("en", describeAction(buy, termsOf(buy)))).toBe("Buy SORA with 100 LUMA");
  });

  it("takes the amount from the call's arguments, not from the gateway's `amount`", () => {
    const intent = { ...stakeLumaIntent(), amount: amount(e18("1"), "LUMA") };
    const staking1000 = withArgs(intent, 1, [e18("1000")]);
    expect(translate("en", describeAction(staking1000, termsOf(staking1000)))).toBe("Stake 1,000 LUMA");
  });

  it("names the position of the call for position actions", () => {
    const intent = { ...releaseEarlyIntent(), positionId: "99" };
    expect(translate("en", describeAction(intent, termsOf(intent)))).toBe("Release position #3 early");
    expect(translate("zh", describeAction(intent, termsOf(intent)))).toBe("提前释放仓位 #3");
  });

  it("falls back to the gateway's words for the last step without readable terms (a refused intent)", () => {
    expect(translate("en", describeAction(stakeLumaIntent(), undefined))).toBe(
      "stake step (the gateway's words)",
    );
  });
});

describe("describeStep", () => {
  const words = (intent: SigningIntent, locale: "en" | "zh" = "en") =>
    intent.steps.map((s) => {
      const text = describeStep(s, deployment);
      return text && translate(locale, text);
    });

  it("words every call from its arguments, in both languages", () => {
    expect(words(stakeLumaIntent())).toEqual(["Approve 100 LUMA for Rebase staking", "Stake 100 LUMA"]);
    expect(words(stakeLumaIntent(), "zh")).toEqual([
      "授权「单币质押（Rebase）」使用 100 LUMA",
      "质押 100 LUMA",
    ]);
    expect(words(stakePopIntent())).toEqual([
      "Approve 500 POP for Option staking",
      "Stake 500 POP in option staking (principal at least 990 LUMA)",
    ]);
    expect(words(unstakeLumaIntent())).toEqual(["Unstake 50 sLUMA"]);
    expect(words(claimIntent())).toEqual(["Claim the released LUMA of position #3"]);
    expect(words(releaseEarlyIntent())).toEqual([
      "Release position #3's rewards early (fee at most 2.02 LUMA)",
    ]);
    expect(words(buySoraIntent())).toEqual([
      "Approve 100 LUMA for SORA/LUMA pool",
      "Buy SORA with 100 LUMA (at least 99 SORA)",
    ]);
    expect(words(sellSoraIntent(), "zh")).toEqual([
      "授权「SORA/LUMA 池」使用 10 SORA",
      "卖出 10 SORA（至少换得 19.8 LUMA）",
    ]);
  });
});
