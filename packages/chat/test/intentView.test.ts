import { describe, expect, it } from "vitest";
import type { SigningIntent } from "../src/gateway/operations/signingIntent.ts";
import type { ChatView } from "../src/views/ChatView.ts";
import { intentView } from "../src/views/intentView.ts";

const E18 = 10n ** 18n;
const NOW = new Date("2026-11-21T12:00:00Z");
const HASH = `0x${"cd".repeat(32)}`;
const amount = (whole: bigint, symbol: string) => ({ raw: whole * E18, decimals: 18, symbol });

/** A sell-SORA intent as the gateway returns it, in `status`. */
function intent(status: SigningIntent["status"], overrides: Partial<SigningIntent> = {}): SigningIntent {
  return {
    id: "abc",
    action: "SELL_SORA",
    status,
    failureReason: null,
    account: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    verificationCode: "K7P-4QX",
    createdAt: new Date("2026-11-21T11:55:00Z"),
    expiresAt: new Date("2026-11-21T12:10:00Z"),
    amountInput: "10",
    amount: amount(10n, "SORA"),
    positionId: null,
    chain: { id: 31337, name: "Luma devnet (anvil)" },
    steps: [
      {
        index: 0,
        kind: "ACTION",
        contract: "soraLumaPool",
        to: "0x1",
        summary: "Sell 10 SORA",
        status: null,
        txHash: null,
      },
    ],
    outcome: {
      spend: [amount(10n, "SORA")],
      receive: [amount(3n, "LUMA")],
      fee: null,
      quotaGranted: null,
      quotaUsed: null,
      positionId: null,
      releasesUntil: null,
      bound: { kind: "MIN_RECEIVED", amount: amount(2n, "LUMA") },
      simulatedAtBlock: 4321n,
    },
    links: {
      page: "https://p.example/sign/abc",
      metamask: "https://metamask.app.link/dapp/p.example/sign/abc",
      trust: "https://link.trustwallet.com/open_url?coin_id=60&url=x",
      okx: "https://www.okx.com/download?deeplink=x",
      eip681: null,
      qrCode: "https://p.example/sign/abc/qr.png",
    },
    ...overrides,
  };
}

const textOf = (view: ChatView) =>
  [
    view.title,
    ...(view.text ?? []),
    ...view.sections.flatMap((s) => s.lines.map((l) => `${l.label}: ${l.value}`)),
    view.footer,
  ].join("\n");

describe("intentView", () => {
  it("shows an open plan with its code, expiry, bound and every way to open the signing page", () => {
    const view = intentView("en", intent("PENDING"), { now: NOW });
    expect(textOf(view)).toBe(
      [
        "Sell SORA",
        "Open the signing page in your wallet and check that it shows the same verification code.",
        "Wallet: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "You give: 10 SORA",
        "You get: 3 LUMA",
        "You get at least: 2 LUMA",
        "1.: Sell 10 SORA",
        "Verification code: K7P-4QX",
        "Link expires: 21 Nov 2026, 12:10 UTC (in 10 min)",
        "Simulated at block 4,321 · 21 Nov 2026, 11:55 UTC",
      ].join("\n"),
    );
    expect(view.buttons.map((b) => b.url)).toEqual([
      "https://p.example/sign/abc",
      "https://metamask.app.link/dapp/p.example/sign/abc",
      "https://link.trustwallet.com/open_url?coin_id=60&url=x",
      "https://www.okx.com/download?deeplink=x",
      "https://p.example/sign/abc/qr.png",
    ]);
  });

  it("edits to ✓ with the transaction linked when an explorer is known", () => {
    const confirmed = intent("CONFIRMED", {
      steps: [
        {
          index: 0,
          kind: "ACTION",
          contract: "soraLumaPool",
          to: "0x1",
          summary: "Sell 10 SORA",
          status: "MINED",
          txHash: HASH,
        },
      ],
    });
    const view = intentView("en", confirmed, {
      now: NOW,
      explorer: { txUrlTemplate: "https://scan.example/tx/{hash}" },
    });
    expect(view).toMatchObject({ tone: "success", title: "✓ Confirmed · Sell SORA" });
    expect(view.buttons).toEqual([{ label: "View transaction", url: `https://scan.example/tx/${HASH}` }]);
    expect(textOf(view)).not.toMatch(/Verification code|Link expires/);
  });

  it("error: says why it failed or was dropped, in both languages, with no button to sign again", () => {
    const mismatch = intentView("en", intent("FAILED", { failureReason: "TX_MISMATCH" }), { now: NOW });
    expect(mismatch).toMatchObject({ tone: "error", title: "Failed · Sell SORA", buttons: [] });
    expect(mismatch.text).toEqual([
      "A transaction did not match the plan (another account or other data), so it does not count.",
    ]);
    const reorg = intentView("zh", intent("DROPPED", { failureReason: "REORGED_OUT" }), { now: NOW });
    expect(reorg).toMatchObject({
      title: "已丢弃 · 卖出 SORA",
      text: ["链重组移除了该交易。请检查钱包后重试。"],
    });
    const unknown = intentView("en", intent("FAILED", { failureReason: "SOMETHING_ELSE" }), { now: NOW });
    expect(unknown.text).toEqual([
      "The transactions did not complete. Send the command again for a new link.",
    ]);
  });

  it("error: an expired link asks for a new one", () => {
    const view = intentView("zh", intent("EXPIRED"), { now: NOW });
    expect(view).toMatchObject({ tone: "warning", title: "已过期 · 卖出 SORA", buttons: [] });
    expect(view.text).toEqual(["链接在发送任何交易前已过期。请重新发送命令获取新链接。"]);
  });
});
