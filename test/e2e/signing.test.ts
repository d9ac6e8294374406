import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { plan, readIntent } from "./helpers/intents.ts";
import { type SigningStack, setupSigningStack } from "./helpers/setupSigningStack.ts";
import { signingPage } from "./helpers/signingPage.ts";

// A member's whole path in a real browser: the bot's link opens the page, the member's own
// wallet (injected, signing with an anvil key) signs the approval and the stake, the chain mines
// them, the gateway confirms the intent, and the member's position changed on chain.

let stack: SigningStack;
beforeAll(async () => {
  stack = await setupSigningStack();
});

describe("signing a plan in the page", () => {
  it("stakes 100 LUMA: approve + stake mined, the intent confirmed, 100 sLUMA more on chain", async () => {
    const member = await stack.newMember({ luma: "250" });
    const before = await stack.balancesOf(member.address);
    const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
    expect(intent.steps.map((step) => step.kind)).toEqual(["APPROVE", "ACTION"]);

    const { page, wallet } = await stack.openWithWallet({ accountIndex: member.accountIndex });
    // The CSP (Trusted Types with no policy, https upgrades) must block nothing the page does.
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Trusted ?(Type|HTML|Script)/i.test(message.text()))
        blocked.push(message.text());
    });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    expect(await signingPage.text(page, "verification-code")).toContain(intent.verificationCode);
    expect(await signingPage.text(page, "action-summary")).toMatch(/Stake 100(\.0+)? LUMA/);
    expect(await signingPage.connect(page)).toContain(wallet.address);
    await signingPage.sign(page);

    await signingPage.waitForStatus(page, "CONFIRMED");
    expect(await signingPage.statusText(page)).toMatch(/Confirmed/);
    await expect
      .poll(() =>
        page
          .locator('[data-testid="step"]')
          .evaluateAll((steps) => steps.map((s) => s.getAttribute("data-step-status"))),
      )
      .toEqual(["MINED", "MINED"]);
    const confirmed = await readIntent(stack.gateway.url, intent.id);
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.steps.map((step) => step.txHash)).toEqual(wallet.sentTransactions());
    expect(wallet.calls("eth_sendTransaction")).toHaveLength(2);
    // Each transaction names the plan's chain: a wallet that moved elsewhere refuses it.
    const chainHex = `0x${stack.chain.manifest.chainId.toString(16)}`;
    expect(
      wallet.calls("eth_sendTransaction").map((call) => (call.params[0] as { chainId?: string }).chainId),
    ).toEqual([chainHex, chainHex]);

    expect(blocked).toEqual([]);

    const after = await stack.balancesOf(member.address);
    expect(after.sLuma - before.sLuma).toBe(parseUnits("100", 18));
    expect(before.luma - after.luma).toBe(parseUnits("100", 18));
  });

  it("stakes POP in option staking: the member's POP is gone and a position is open", async () => {
    const member = await stack.newMember({ pop: "500" });
    const intent = await plan(stack.gateway.url, "planStakePop", member.address, "500");

    const { page, wallet } = await stack.openWithWallet({ accountIndex: member.accountIndex });
    await page.goto(intent.links.page);
    expect(await signingPage.settledStatus(page)).toBe("PENDING");
    expect(await signingPage.text(page, "action-summary")).toBe("Stake 500 POP");
    // What the stake buys: the position's principal, in LUMA.
    expect(await signingPage.text(page, "detail-principal")).toMatch(
      /^Principal\s+[1-9][\d,]*(\.\d+)? LUMA$/,
    );
    await signingPage.connect(page);
    await signingPage.sign(page);
    await signingPage.waitForStatus(page, "CONFIRMED");

    expect((await readIntent(stack.gateway.url, intent.id)).status).toBe("CONFIRMED");
    expect(wallet.sentTransactions()).toHaveLength(intent.steps.length);
    expect((await stack.balancesOf(member.address)).pop).toBe(0n);
    expect(await stack.optionPositionsOf(member.address)).toHaveLength(1);
  });
});

describe("a wallet on another chain", () => {
  const OTHER_CHAIN = 1; // Ethereum mainnet: where a member's wallet usually is
  const anvilChainHex = () => `0x${stack.chain.manifest.chainId.toString(16)}`;

  it("is asked to switch to the plan's chain, then signs there", async () => {
    const member = await stack.newMember({ luma: "100" });
    const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
    const { page, wallet } = await stack.openWithWallet({
      accountIndex: member.accountIndex,
      startChainId: OTHER_CHAIN,
    });
    await page.goto(intent.links.page);
    await signingPage.connect(page);
    await signingPage.sign(page);
    await signingPage.waitForStatus(page, "CONFIRMED");

    expect(wallet.calls("wallet_switchEthereumChain").map((call) => call.params)).toEqual([
      [{ chainId: anvilChainHex() }],
    ]);
    // The switch came before anything was sent.
    const methods = wallet.requests.map((request) => request.method);
    expect(methods.indexOf("wallet_switchEthereumChain")).toBeLessThan(
      methods.indexOf("eth_sendTransaction"),
    );
    expect(wallet.sentTransactions()).toHaveLength(2);
  });

  it("that does not know the chain is asked to add it (name and RPC from the intent), then signs", async () => {
    const member = await stack.newMember({ luma: "100" });
    const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
    const { page, wallet } = await stack.openWithWallet({
      accountIndex: member.accountIndex,
      startChainId: OTHER_CHAIN,
      chainUnknownUntilAdded: true,
    });
    await page.goto(intent.links.page);
    await signingPage.connect(page);
    await signingPage.sign(page);
    await signingPage.waitForStatus(page, "CONFIRMED");

    expect(wallet.calls("wallet_switchEthereumChain")[0]?.error?.code).toBe(4902);
    expect(wallet.calls("wallet_addEthereumChain").map((call) => call.params[0])).toEqual([
      expect.objectContaining({
        chainId: anvilChainHex(),
        chainName: intent.chain.name,
        rpcUrls: [stack.chain.manifest.rpcUrl],
      }),
    ]);
    expect(wallet.sentTransactions()).toHaveLength(2);
  });

  it("moved to another chain between two steps is switched back before the next step is sent", async () => {
    const member = await stack.newMember({ luma: "100" });
    const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
    const { page, wallet } = await stack.openWithWallet({
      accountIndex: member.accountIndex,
      startChainId: OTHER_CHAIN,
    });
    // When the page reports step 1, the member switches their wallet back to mainnet.
    let switchedAway = false;
    await page.route("**/graphql", async (route) => {
      if (!switchedAway && (route.request().postData() ?? "").includes("SigningPageReport")) {
        switchedAway = true;
        await page.evaluate(
          `window.ethereum.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x${OTHER_CHAIN.toString(16)}" }] })`,
        );
      }
      await route.continue();
    });
    await page.goto(intent.links.page);
    await signingPage.connect(page);
    await signingPage.sign(page);
    await signingPage.waitForStatus(page, "CONFIRMED");

    expect(switchedAway).toBe(true);
    expect(wallet.calls("wallet_switchEthereumChain").map((call) => call.params)).toEqual([
      [{ chainId: anvilChainHex() }],
      [{ chainId: "0x1" }],
      [{ chainId: anvilChainHex() }],
    ]);
    // Each send came after a switch to the plan's chain.
    const methods = wallet.requests
      .map((request) => request.method)
      .filter((method) => method === "wallet_switchEthereumChain" || method === "eth_sendTransaction");
    expect(methods).toEqual([
      "wallet_switchEthereumChain",
      "eth_sendTransaction",
      "wallet_switchEthereumChain",
      "wallet_switchEthereumChain",
      "eth_sendTransaction",
    ]);
    expect(wallet.sentTransactions()).toHaveLength(2);
  });

  it("whose member refuses the switch: a clear message, nothing sent, the link still usable", async () => {
    const member = await stack.newMember({ luma: "100" });
    const intent = await plan(stack.gateway.url, "planStakeLuma", member.address, "100");
    const { page, wallet } = await stack.openWithWallet({
      accountIndex: member.accountIndex,
      startChainId: OTHER_CHAIN,
      reject: ["wallet_switchEthereumChain"],
    });
    await page.goto(intent.links.page);
    await signingPage.connect(page);
    await signingPage.sign(page);

    await page.getByTestId("error-message").waitFor();
    expect(await signingPage.errorText(page)).toBe(
      `Your wallet did not switch to ${intent.chain.name} (chain id ${stack.chain.manifest.chainId}). Nothing was sent.`,
    );
    expect(wallet.calls("wallet_switchEthereumChain")).toHaveLength(1);
    expect(wallet.calls("eth_sendTransaction")).toEqual([]);
    expect((await readIntent(stack.gateway.url, intent.id)).status).toBe("PENDING");
    // The member can try again once they are ready to switch.
    expect(await page.getByTestId("sign-button").isEnabled()).toBe(true);
  });
});
