import { type AnvilInstance, startAnvil } from "@luma-pulse/devnet";
import type { Browser, Page } from "playwright-core";
import { type Address, createPublicClient, type Hash, http, parseEther, verifyMessage } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/chromium.ts";
import { type InjectedWalletOptions, installInjectedWallet } from "../helpers/injectedWallet.ts";

// The wallet the end-to-end tests inject, checked on its own on a blank page: what a page sees
// (EIP-6963 discovery, EIP-1193 answers and errors) and what reaches the chain.
const ORIGIN = "http://wallet.test";
const BOB: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // anvil account 2

let anvil: AnvilInstance;
let browser: Browser;
beforeAll(async () => {
  anvil = await startAnvil({ accounts: 3 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await anvil?.stop();
});

/** A blank page at ORIGIN with the wallet injected. */
async function openWithWallet(options: Partial<InjectedWalletOptions> = {}) {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>blank</title>" }),
  );
  const wallet = await installInjectedWallet(page, {
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    ...options,
  });
  await page.goto(`${ORIGIN}/`);
  return { page, wallet };
}

/** Runs `method` through the discovered provider; resolves to its result or `{ code, message }`. */
const request = (page: Page, method: string, params: unknown[] = []) =>
  page.evaluate(
    `(async () => {
      const providers = [];
      window.addEventListener("eip6963:announceProvider", (event) => providers.push(event.detail));
      window.dispatchEvent(new Event("eip6963:requestProvider"));
      const { provider } = providers.find((p) => p.info.rdns === "test.wallet");
      try { return await provider.request({ method: ${JSON.stringify(method)}, params: ${JSON.stringify(params)} }); }
      catch (error) { return { code: error.code, message: error.message }; }
    })()`,
  ) as Promise<unknown>;

describe("the injected test wallet", () => {
  it("announces itself per EIP-6963 and as window.ethereum", async () => {
    const { page } = await openWithWallet();
    const info = await page.evaluate(`(() => {
      let announced;
      window.addEventListener("eip6963:announceProvider", (event) => { announced = event.detail; });
      window.dispatchEvent(new Event("eip6963:requestProvider"));
      return { ...announced.info, same: announced.provider === window.ethereum };
    })()`);
    expect(info).toMatchObject({ name: "Test Wallet", rdns: "test.wallet", same: true });
    expect((info as { icon: string }).icon).toMatch(/^data:image\/svg\+xml,/);
  });

  it("connects, then signs and sends a transaction that anvil mines", async () => {
    const { page, wallet } = await openWithWallet();
    expect(await request(page, "eth_accounts")).toEqual([]);
    expect(await request(page, "eth_requestAccounts")).toEqual([wallet.address]);
    expect(await request(page, "eth_chainId")).toBe(`0x${anvil.chainId.toString(16)}`);
    const hash = (await request(page, "eth_sendTransaction", [
      { from: wallet.address, to: BOB, value: `0x${parseEther("1").toString(16)}` },
    ])) as Hash;
    const chain = createPublicClient({ transport: http(anvil.rpcUrl) });
    const receipt = await chain.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    expect(receipt).toMatchObject({ status: "success", from: wallet.address.toLowerCase() });
    expect(wallet.sentTransactions()).toEqual([hash]);
    // Reads pass through to the chain.
    expect(await request(page, "eth_getTransactionReceipt", [hash])).toMatchObject({ transactionHash: hash });
  });

  it("signs a personal_sign message with the account's key", async () => {
    const { page, wallet } = await openWithWallet();
    await request(page, "eth_requestAccounts");
    const signature = (await request(page, "personal_sign", [
      "0x68656c6c6f",
      wallet.address,
    ])) as `0x${string}`;
    expect(await verifyMessage({ address: wallet.address, message: "hello", signature })).toBe(true);
  });

  it("answers 4001 for what the user refuses, and records the request", async () => {
    const { page, wallet } = await openWithWallet({ reject: ["eth_sendTransaction"] });
    await request(page, "eth_requestAccounts");
    const answer = await request(page, "eth_sendTransaction", [{ from: wallet.address, to: BOB }]);
    expect(answer).toMatchObject({ code: 4001 });
    expect(wallet.calls("eth_sendTransaction")).toHaveLength(1);
    expect(wallet.sentTransactions()).toEqual([]);
  });

  it("starts on another chain, answers 4902 until the chain is added, then switches", async () => {
    const { page, wallet } = await openWithWallet({ startChainId: 1, chainUnknownUntilAdded: true });
    const anvilChain = `0x${anvil.chainId.toString(16)}`;
    expect(await request(page, "eth_chainId")).toBe("0x1");
    expect(await request(page, "wallet_switchEthereumChain", [{ chainId: anvilChain }])).toMatchObject({
      code: 4902,
    });
    const added = await request(page, "wallet_addEthereumChain", [
      { chainId: anvilChain, chainName: "Luma devnet", rpcUrls: [anvil.rpcUrl] },
    ]);
    expect(added).toBeNull();
    expect(wallet.chainId()).toBe(anvil.chainId);
    expect(await request(page, "eth_chainId")).toBe(anvilChain);
  });

  it("refuses to send on the wrong chain", async () => {
    const { page, wallet } = await openWithWallet({ startChainId: 1 });
    await request(page, "eth_requestAccounts");
    expect(await request(page, "eth_sendTransaction", [{ from: wallet.address, to: BOB }])).toMatchObject({
      code: -32603,
    });
    expect(wallet.sentTransactions()).toEqual([]);
  });

  it("emits chainChanged to the page's listeners after a switch", async () => {
    const { page } = await openWithWallet({ startChainId: 1 });
    const changed = await page.evaluate(`(async () => {
      const seen = [];
      window.ethereum.on("chainChanged", (id) => seen.push(id));
      await window.ethereum.request({ method: "wallet_switchEthereumChain", params: [{ chainId: "0x${anvil.chainId.toString(16)}" }] });
      return seen;
    })()`);
    expect(changed).toEqual([`0x${anvil.chainId.toString(16)}`]);
  });
});
