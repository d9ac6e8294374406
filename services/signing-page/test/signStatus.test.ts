import { describe, expect, it } from "vitest";
import type { SigningIntent } from "../src/api/types.ts";
import { translate } from "../src/i18n/translate.ts";
import { canSign, nextStep, statusLine } from "../src/pages/signStatus.ts";
import { stakeLumaIntent } from "./intentFixture.ts";

const before = new Date("2026-11-21T10:05:00Z").getTime();
const after = new Date("2026-11-21T10:20:00Z").getTime();

const withStatus = (status: SigningIntent["status"], failureReason: string | null = null): SigningIntent => ({
  ...stakeLumaIntent(),
  status,
  failureReason,
});

const line = (intent: SigningIntent, now = before) => {
  const shown = statusLine(intent, [], now, "en");
  return { status: shown.status, text: translate("en", shown.text) };
};

describe("statusLine", () => {
  it("says a pending intent is ready to sign", () => {
    expect(line(withStatus("PENDING"))).toEqual({ status: "PENDING", text: "Ready to sign" });
  });

  it("says when a link expired, also before the gateway marks it", () => {
    expect(line(withStatus("EXPIRED")).status).toBe("EXPIRED");
    const expired = line(withStatus("PENDING"), after);
    expect(expired.status).toBe("EXPIRED");
    expect(expired.text).toMatch(/^This link expired at .+ — ask the bot for a new one$/);
  });

  it("says confirmed, failed with the reason, or dropped", () => {
    expect(line(withStatus("CONFIRMED")).text).toBe("Confirmed ✓ — you can return to the chat");
    expect(line(withStatus("FAILED", "TX_MISMATCH")).text).toBe(
      "This request failed: a mined transaction did not match this request. Nothing more will be sent.",
    );
    expect(line(withStatus("FAILED", "SOMETHING_NEW")).text).toBe(
      "This request failed: SOMETHING_NEW. Nothing more will be sent.",
    );
    expect(line(withStatus("DROPPED")).status).toBe("DROPPED");
  });

  it("says refused when a check failed, whatever the status", () => {
    const shown = statusLine(withStatus("PENDING"), [{ key: "check.noSteps" }], before, "en");
    expect(shown.status).toBe("REFUSED");
  });
});

describe("canSign", () => {
  it("allows signing a pending intent before its expiry", () => {
    expect(canSign(withStatus("PENDING"), [], before)).toBe(true);
  });

  it("error: never for an expired, ended or refused intent", () => {
    expect(canSign(withStatus("PENDING"), [], after)).toBe(false);
    for (const status of ["EXPIRED", "CONFIRMED", "FAILED", "DROPPED"] as const) {
      expect(canSign(withStatus(status), [], before), status).toBe(false);
    }
    expect(canSign(withStatus("PENDING"), [{ key: "check.noSteps" }], before)).toBe(false);
  });

  it("continues with the next step once the first is mined, and not while it is in flight", () => {
    const intent = withStatus("SUBMITTED");
    const [first, second] = intent.steps;
    const inFlight = {
      ...intent,
      steps: [{ ...first, status: "PENDING" as const, txHash: `0x${"1".repeat(64)}` }, second],
    };
    expect(canSign(inFlight as SigningIntent, [], before)).toBe(false);
    const mined = {
      ...intent,
      steps: [{ ...first, status: "MINED" as const, txHash: `0x${"1".repeat(64)}` }, second],
    };
    expect(canSign(mined as SigningIntent, [], before)).toBe(true);
    expect(nextStep(mined as SigningIntent)?.index).toBe(1);
  });

  it("error: never after a step reverted", () => {
    const intent = withStatus("SUBMITTED");
    const [first, second] = intent.steps;
    const reverted = {
      ...intent,
      steps: [{ ...first, status: "REVERTED" as const, txHash: `0x${"1".repeat(64)}` }, second],
    };
    expect(canSign(reverted as SigningIntent, [], before)).toBe(false);
  });
});
