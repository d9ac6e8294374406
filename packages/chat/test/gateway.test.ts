import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { advanceChainBy } from "@luma-pulse/devnet";
import { formatCompact, percentOf, SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { getAddress, maxUint256, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { createProtectionConfig } from "../../../services/gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../../services/gateway/src/startGateway.ts";
import { awaitIntent, queryIntent, reportTx } from "../../../services/gateway/test/intentApi.ts";
import { fundLuma, mined, sendStep } from "../../../services/gateway/test/intentPlans.ts";
import { postGraphql } from "../../../services/gateway/test/postGraphql.ts";
import { setupChain } from "../../../services/gateway/test/setupChain.ts";
import { startReadyGateway } from "../../../services/gateway/test/startReadyGateway.ts";
import {
  anvilAccount,
  type ChallengeJson,
  pageSigned,
} from "../../../services/gateway/test/walletLinkSigner.ts";
import { answerCommand } from "../src/commands/answerCommand.ts";
import type { CommandContext, CommandReply } from "../src/commands/CommandContext.ts";
import { createGatewayClient, type GatewayClient } from "../src/gateway/createGatewayClient.ts";
import { GatewayError } from "../src/gateway/GatewayError.ts";
import { getAccount } from "../src/gateway/operations/getAccount.ts";
import { getIntent } from "../src/gateway/operations/getIntent.ts";
import { createWalletLinkChallenge, listWalletLinks } from "../src/gateway/operations/walletLinks.ts";
import type { Locale } from "../src/i18n/Locale.ts";
import type { ChatView } from "../src/views/ChatView.ts";
import { intentView } from "../src/views/intentView.ts";

const e18 = (value: string) => parseUnits(value, 18);
const PUBLIC_URL = "https://pulse.example.org";
const SERVICE_TOKEN = "chat-test-service-token-0123456789abcdef";
const ALICE_ID = "700000000000000001";

/** Everything a user reads in a view, as one string. */
const textOf = (view: ChatView) =>
  [
    view.title,
    ...(view.text ?? []),
    ...view.sections.flatMap((s) => [s.heading, ...s.lines.map((l) => `${l.label}: ${l.value}`), s.note]),
    view.footer,
  ]
    .filter(Boolean)
    .join("\n");

describe("the chat core against a real gateway", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let client: GatewayClient;
  let alice: `0x${string}`;

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest, deployer } = chain;
    alice = getAddress(members.alice);
    // Burns of both kinds: a whale's unstake fee funds a buyback; alice buys SORA with quota and sells half.
    await actors.rebaseStake(members.bob, parseUnits("2000000", 6));
    await actors.unstake(members.bob, maxUint256);
    await actors.buyback(members.keeper);
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.05"));
    await actors.sellSora(
      members.alice,
      (await actors.read.balance(manifest.contracts.sora, members.alice)) / 2n,
    );
    // Three days of rewards, released in part: the position has something claimable and something locked.
    for (let day = 0; day < 3; day++) {
      await advanceChainBy(deployer, 86_400n);
      await actors.rebaseIfDue();
    }
    await fundLuma(chain, members.alice, e18("1000"));
    gateway = await startReadyGateway(chain, {
      signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: SERVICE_TOKEN },
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
    });
    client = createGatewayClient({ url: gateway.url, serviceToken: SERVICE_TOKEN });
  }, 180_000);

  const context = (locale: Locale): CommandContext => ({
    gateway: client,
    platform: "telegram",
    locale,
    user: { platform: "TELEGRAM", userId: ALICE_ID },
    chat: { kind: "private", isAdmin: true },
    now: new Date(),
    charts: false,
  });
  const ask = (locale: Locale, name: string, ...words: string[]) =>
    answerCommand(context(locale), name, words);
  const viewOf = (reply: CommandReply) => reply.view;

  it("/yields quotes the protocol's rates with their block, in both languages", async () => {
    const en = textOf(viewOf(await ask("en", "yields")));
    expect(en).toMatch(/APR \(simple\): 54\.75%/);
    expect(en).toMatch(/APY \(compounded\): 72\.87%/);
    expect(en).toMatch(/Daily rate: 0\.50% a day/);
    expect(en).toMatch(/Cap: 2× principal, reached in 400 days/);
    expect(en).toMatch(/Block [\d,]+ · \d+ \w{3} \d{4}, \d\d:\d\d UTC$/);
    const zh = textOf(viewOf(await ask("zh", "yields")));
    expect(zh).toMatch(/年化（单利）: 54\.75%/);
    expect(zh).toMatch(/区块 [\d,]+ · \d{4}年\d+月\d+日 \d\d:\d\d UTC$/);
  });

  it("/sora shows the burned total and its share of supply exactly as the chain has them", async () => {
    const burned = await chain.actors.read.soraBurned();
    const view = viewOf(await ask("en", "sora"));
    expect(textOf(view)).toContain(
      `Burned: ${formatCompact(burned, 18, "en")} SORA (${percentOf(burned, SORA_MAX_SUPPLY)}% of supply)`,
    );
    expect(textOf(view)).toContain(`Circulating: ${formatCompact(SORA_MAX_SUPPLY - burned, 18, "en")} SORA`);
    expect(textOf(view)).toMatch(/Milestones\n10% burned: /);
    expect(view.asOf?.block).toBe(await chain.client.getBlockNumber());
    const zh = textOf(viewOf(await ask("zh", "sora")));
    expect(zh).toContain(
      `已销毁: ${formatCompact(burned, 18, "zh")} SORA（占总量 ${percentOf(burned, SORA_MAX_SUPPLY)}%）`,
    );
  });

  it("/sora can carry the burn chart as a PNG", async () => {
    const reply = await answerCommand({ ...context("zh"), charts: true }, "sora", []);
    expect(reply.view.chart?.png.subarray(1, 4).toString()).toBe("PNG");
    expect(reply.view.chart?.alt).toMatch(/SORA 累计销毁/);
  });

  it("/burns lists the sell and the buyback, newest first", async () => {
    const text = textOf(viewOf(await ask("en", "burns")));
    expect(text).toMatch(/· sell\n.*· buyback/);
    expect(text).toMatch(/The latest 2 of 2 burns\./);
    expect(textOf(viewOf(await ask("zh", "burns")))).toMatch(/· 卖出\n.*· 回购/);
  });

  it("/price shows SORA, LUMA and POP from the pools", async () => {
    const text = textOf(viewOf(await ask("en", "price")));
    expect(text).toMatch(/SORA: \$\d/);
    expect(text).toMatch(/SORA in LUMA: [\d.]+ LUMA/);
    expect(text).toMatch(/LUMA: \$\d/);
    expect(text).toMatch(/POP: \$\d/);
  });

  it("/position with an address shows that wallet's option position and its early release now", async () => {
    const view = viewOf(await ask("en", "position", alice));
    const text = textOf(view);
    expect(view.title).toBe(`Wallet ${alice.slice(0, 6)}…${alice.slice(-4)}`);
    expect(text).toMatch(/Option position #0\nPOP staked: 100,000 POP/);
    expect(text).toMatch(/Still releasing: [\d,.]+ LUMA\nEarly-release fee now: [\d,.]+ LUMA/);
    expect(text).toMatch(/Waiting beats releasing early from: /);
  });

  it("error: a bad address reaches the gateway as a coded, localized error", async () => {
    const error = await getAccount(client, { locale: "zh", address: "0x123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: "INVALID_ADDRESS", params: { value: "0x123" }, retryable: false });
  });

  it("asks a wallet-less user to /link, then links the wallet the member signs for", async () => {
    expect(textOf(viewOf(await ask("en", "position")))).toMatch(
      /No wallet linked\nLink your wallet first with \/link/,
    );
    expect(textOf(viewOf(await ask("zh", "stake", "100", "luma")))).toMatch(/尚未绑定钱包/);

    const link = viewOf(await ask("en", "link"));
    const url = link.buttons[0]?.url ?? "";
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/link/[\\w-]+$`));
    expect(textOf(link)).toMatch(/Link expires: .* \(in 1\d min/);
    const id = url.split("/").at(-1) ?? "";
    const { body } = await postGraphql(
      gateway.url,
      `{ walletLinkChallenge(id: ${JSON.stringify(id)}) { id url domain uri nonce chainId statement issuedAt expiresAt } }`,
    );
    const signed = await pageSigned(anvilAccount(1), body.data.walletLinkChallenge as ChallengeJson);
    const completed = await postGraphql(
      gateway.url,
      `mutation { completeWalletLink(id: ${JSON.stringify(id)}, message: ${JSON.stringify(signed.message)}, signature: "${signed.signature}") { address } }`,
    );
    expect(completed.body.data?.completeWalletLink.address).toBe(alice);
    const links = await listWalletLinks(client, {
      locale: "en",
      user: { platform: "TELEGRAM", userId: ALICE_ID },
    });
    expect(links.map((l) => l.address)).toEqual([alice]);

    expect(textOf(viewOf(await ask("en", "position")))).toMatch(/Option position #0/);
  });

  it("/stake plans with the linked wallet; confirming it on chain edits the view to ✓", async () => {
    const reply = await ask("en", "stake", "100", "luma");
    if (reply.kind !== "intent") throw new Error(`expected a plan, got ${textOf(reply.view)}`);
    const { view, intentId } = reply;
    expect(view.title).toBe("Stake LUMA");
    const text = textOf(view);
    expect(text).toContain(`Wallet: ${alice}`);
    expect(text).toMatch(/You give: 100 LUMA/);
    expect(text).toMatch(/Verification code: [2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}/);
    expect(text).toMatch(/Link expires: .* \(in 1[45] min/);
    expect(view.buttons.map((b) => b.label)).toEqual([
      "Open signing page",
      "MetaMask",
      "Trust Wallet",
      "OKX Wallet",
      "QR code",
    ]);
    expect(view.buttons[0]?.url).toBe(`${PUBLIC_URL}/sign/${intentId}`);

    // The member signs on the page; the bot edits its message once the intent is confirmed.
    const { intent } = await queryIntent(gateway.url, intentId);
    for (const step of intent?.steps ?? []) {
      const hash = await sendStep(chain, alice, step as never);
      await mined(chain, hash);
      await reportTx(gateway.url, intentId, step.index, hash);
    }
    await awaitIntent(gateway.url, intentId, (i) => i.status === "CONFIRMED");
    const confirmed = await getIntent(client, { locale: "zh", id: intentId });
    const edited = intentView("zh", confirmed, { now: new Date() });
    expect(edited.title).toBe("✓ 已确认 · 质押 LUMA");
    expect(edited.tone).toBe("success");
    expect(edited.buttons).toEqual([]);
    expect(textOf(edited)).toMatch(/所有步骤均已上链/);
    expect(textOf(edited)).toMatch(/（已上链 ✓）/);
    expect(textOf(edited)).not.toMatch(/验证码/);
  });

  it("/release shows the early-release fee and the break-even date before the signing link", async () => {
    const reply = await ask("zh", "release");
    if (reply.kind !== "intent") throw new Error(`expected a plan, got ${textOf(reply.view)}`);
    const text = textOf(reply.view);
    expect(reply.view.sections[0]?.heading).toBe("提前释放前请注意");
    expect(text).toMatch(/现在的手续费（销毁）: [\d,.]+ LUMA/);
    expect(text).toMatch(/从此时起等待更划算: \d{4}年/);
    expect(text.indexOf("现在的手续费")).toBeLessThan(text.indexOf("验证码: "));
    expect(text).toMatch(/手续费去向: .* 用于回购并销毁 SORA/);
  });

  it("error: what the gateway refuses comes back as a short sentence, in the user's language", async () => {
    expect(textOf(viewOf(await ask("en", "stake", "1000000", "luma")))).toMatch(
      /Not enough LUMA: this needs 1,000,000 and the wallet holds 9\d\d\.\d+\./,
    );
    expect(textOf(viewOf(await ask("zh", "sell_sora", "1000000")))).toMatch(/SORA 余额不足/);
    expect(textOf(viewOf(await ask("en", "release", "7")))).toMatch(
      /Option position #7 is not held by this wallet/,
    );
  });

  it("/unlink removes the only linked wallet", async () => {
    expect(textOf(viewOf(await ask("en", "unlink")))).toBe(
      `Your linked wallets\n${alice} is no longer linked.`,
    );
    expect(
      await listWalletLinks(client, { locale: "en", user: { platform: "TELEGRAM", userId: ALICE_ID } }),
    ).toEqual([]);
  });

  it("error: a bot without the service token cannot link wallets, and says so without jargon", async () => {
    const tokenless = createGatewayClient({ url: gateway.url });
    const error = await createWalletLinkChallenge(tokenless, {
      locale: "en",
      user: { platform: "TELEGRAM", userId: ALICE_ID },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_TOKEN_REQUIRED" });
    const reply = await answerCommand({ ...context("en"), gateway: tokenless }, "link", []);
    expect(textOf(reply.view)).toBe(
      "That did not work\nWallet linking is not available on this bot right now; its operator has been told.",
    );
  });

  it("a bot with its API key keeps answering where the public per-IP budget is spent", async () => {
    const apiKey = "chat-test-api-key-0123456789abcdef";
    const limited = await startReadyGateway(chain, {
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "2", API_KEYS: `bots:${apiKey}` }),
    });
    try {
      const keyless = createGatewayClient({ url: limited.url });
      const bot = createGatewayClient({ url: limited.url, apiKey });
      const asked = (gateway: GatewayClient) =>
        answerCommand({ ...context("en"), gateway }, "price", []).then((reply) => textOf(reply.view));
      const keylessAnswers = [await asked(keyless), await asked(keyless), await asked(keyless)];
      expect(keylessAnswers[2]).toMatch(
        /^That did not work\nI am asking the gateway too often; try again in \d+ s\.$/,
      );
      for (let i = 0; i < 4; i++) expect(await asked(bot)).not.toMatch(/did not work/);
    } finally {
      await limited.stop();
    }
  });

  it("error: an unreachable or silent gateway is GATEWAY_UNAVAILABLE, retryable, and worded", async () => {
    const closed = createGatewayClient({ url: "http://127.0.0.1:9" });
    const reply = await answerCommand({ ...context("zh"), gateway: closed }, "sora", []);
    expect(textOf(reply.view)).toBe("操作未完成\nLuma Pulse 网关暂时没有响应。请稍后再试。");

    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const slow = createGatewayClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const error = await getAccount(slow, { locale: "en", address: alice }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "GATEWAY_UNAVAILABLE",
        params: { reason: "timeout" },
        retryable: true,
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
