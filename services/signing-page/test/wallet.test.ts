import { describe, expect, it } from "vitest";
import { errorText } from "../src/api/errorText.ts";
import { GatewayError, NetworkError } from "../src/api/graphqlRequest.ts";
import { translate } from "../src/i18n/translate.ts";
import { discoverWallets, type WalletOption } from "../src/wallet/discoverWallets.ts";
import { type Eip1193Provider, PageError, walletErrorCode } from "../src/wallet/eip1193.ts";
import { ensureChain } from "../src/wallet/ensureChain.ts";
import { requestAccount } from "../src/wallet/requestAccount.ts";
import { sendStep } from "../src/wallet/sendStep.ts";
import { stakeLumaIntent } from "./intentFixture.ts";

type Call = { method: string; params?: unknown };

/**
 * A scripted EIP-1193 wallet (the wallet is not our code): answers each method from `answers`,
 * a function may throw an EIP-1193 error; every request is recorded.
 */
function scriptedWallet(answers: Record<string, (params: unknown) => unknown>) {
  const calls: Call[] = [];
  const provider: Eip1193Provider = {
    async request({ method, params }) {
      calls.push({ method, params });
      const answer = answers[method];
      if (!answer) throw Object.assign(new Error(`unsupported ${method}`), { code: 4200 });
      return answer(params);
    },
  };
  return { provider, calls, methods: () => calls.map((c) => c.method) };
}

const rejected = (code: number, message = "rejected") => Object.assign(new Error(message), { code });
const chain = { id: 31337, name: "Luma devnet (anvil)", rpcUrl: "http://127.0.0.1:8545" };

describe("ensureChain", () => {
  it("does nothing when the wallet is already on the intent's chain", async () => {
    const wallet = scriptedWallet({ eth_chainId: () => "0x7a69" });
    let switching = false;
    await ensureChain(wallet.provider, chain, () => {
      switching = true;
    });
    expect(wallet.methods()).toEqual(["eth_chainId"]);
    expect(switching).toBe(false);
  });

  it("says it is switching before it asks the wallet to", async () => {
    let current = "0x1";
    const wallet = scriptedWallet({
      eth_chainId: () => current,
      wallet_switchEthereumChain: () => {
        current = "0x7a69";
        return null;
      },
    });
    const seenBeforeSwitch: string[][] = [];
    await ensureChain(wallet.provider, chain, () => seenBeforeSwitch.push(wallet.methods()));
    expect(seenBeforeSwitch).toEqual([["eth_chainId"]]);
  });

  it("switches a wallet on another chain", async () => {
    let current = "0x1";
    const wallet = scriptedWallet({
      eth_chainId: () => current,
      wallet_switchEthereumChain: () => {
        current = "0x7a69";
        return null;
      },
    });
    await ensureChain(wallet.provider, chain);
    expect(wallet.calls[1]).toEqual({
      method: "wallet_switchEthereumChain",
      params: [{ chainId: "0x7a69" }],
    });
  });

  it("adds the chain (name, RPC URL, ETH 18) when the wallet does not know it (4902), then switches", async () => {
    let current = "0x1";
    let known = false;
    const wallet = scriptedWallet({
      eth_chainId: () => current,
      wallet_switchEthereumChain: () => {
        // MetaMask Mobile wraps the code: { data: { originalError: { code: 4902 } } }.
        if (!known)
          throw Object.assign(new Error("unknown chain"), {
            code: -32603,
            data: { originalError: { code: 4902 } },
          });
        current = "0x7a69";
        return null;
      },
      wallet_addEthereumChain: () => {
        known = true;
        return null;
      },
    });
    await ensureChain(wallet.provider, chain);
    expect(wallet.methods()).toEqual([
      "eth_chainId",
      "wallet_switchEthereumChain",
      "wallet_addEthereumChain",
      "wallet_switchEthereumChain",
      "eth_chainId",
    ]);
    expect(wallet.calls[2]?.params).toEqual([
      {
        chainId: "0x7a69",
        chainName: "Luma devnet (anvil)",
        rpcUrls: ["http://127.0.0.1:8545"],
        nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      },
    ]);
  });

  it("error: a chain the wallet does not know, without an RPC URL to add it, is a clear message", async () => {
    const wallet = scriptedWallet({
      eth_chainId: () => "0x1",
      wallet_switchEthereumChain: () => {
        throw rejected(4902);
      },
    });
    const error = (await ensureChain(wallet.provider, { ...chain, rpcUrl: null }).catch(
      (e: unknown) => e,
    )) as PageError;
    expect(translate("en", error.text)).toBe(
      "Your wallet does not know Luma devnet (anvil) (chain id 31337). Add that network in your wallet, then try again. Nothing was sent.",
    );
    expect(wallet.methods()).toEqual(["eth_chainId", "wallet_switchEthereumChain"]);
  });

  it("error: a refused switch is a clear message", async () => {
    const wallet = scriptedWallet({
      eth_chainId: () => "0x1",
      wallet_switchEthereumChain: () => {
        throw rejected(4001);
      },
    });
    const error = await ensureChain(wallet.provider, chain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageError);
    expect(translate("en", (error as PageError).text)).toBe(
      "Your wallet did not switch to Luma devnet (anvil) (chain id 31337). Nothing was sent.",
    );
  });

  it("error: a refused add is a clear message too", async () => {
    const wallet = scriptedWallet({
      eth_chainId: () => "0x1",
      wallet_switchEthereumChain: () => {
        throw rejected(4902);
      },
      wallet_addEthereumChain: () => {
        throw rejected(4001);
      },
    });
    const error = (await ensureChain(wallet.provider, chain).catch((e: unknown) => e)) as PageError;
    expect(error.text).toMatchObject({ key: "error.chainRefused" });
  });

  it("error: a wallet that says yes but stays on its chain is refused", async () => {
    const wallet = scriptedWallet({ eth_chainId: () => "0x1", wallet_switchEthereumChain: () => null });
    const error = (await ensureChain(wallet.provider, chain).catch((e: unknown) => e)) as PageError;
    expect(translate("en", error.text)).toBe(
      "Your wallet is still on chain 1, not Luma devnet (anvil) (chain id 31337). Nothing was sent.",
    );
  });
});

describe("sendStep", () => {
  it("sends exactly the checked step, naming the intent's chain (hex) so a wallet elsewhere refuses", async () => {
    const hash = `0x${"ab".repeat(32)}`;
    const wallet = scriptedWallet({ eth_sendTransaction: () => hash });
    const step = stakeLumaIntent().steps[1] as NonNullable<ReturnType<typeof stakeLumaIntent>["steps"][1]>;
    const from = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(await sendStep(wallet.provider, from, step, 31337)).toBe(hash);
    expect(wallet.calls).toEqual([
      {
        method: "eth_sendTransaction",
        params: [{ from, to: step.to, data: step.data, value: "0x0", gas: "0x1d4c0", chainId: "0x7a69" }],
      },
    ]);
  });

  it("error: a wallet answer that is no transaction hash is an error, not a hash", async () => {
    const wallet = scriptedWallet({ eth_sendTransaction: () => ({ ok: true }) });
    const step = stakeLumaIntent().steps[0] as NonNullable<ReturnType<typeof stakeLumaIntent>["steps"][0]>;
    const error = (await sendStep(
      wallet.provider,
      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      step,
      31337,
    ).catch((e: unknown) => e)) as PageError;
    expect(translate("en", error.text)).toBe(
      "Your wallet reported an error: unexpected answer [object Object]",
    );
  });
});

describe("requestAccount", () => {
  const alice = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  const bob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

  it("picks the intent's account when the wallet shares several, checksummed", async () => {
    const wallet = scriptedWallet({ eth_requestAccounts: () => [bob.toLowerCase(), alice.toLowerCase()] });
    expect(await requestAccount(wallet.provider, alice)).toBe(alice);
  });

  it("returns the first account otherwise (the page then refuses a different one)", async () => {
    const wallet = scriptedWallet({ eth_requestAccounts: () => [bob] });
    expect(await requestAccount(wallet.provider, alice)).toBe(bob);
  });

  it("error: no account is a clear message", async () => {
    const wallet = scriptedWallet({ eth_requestAccounts: () => [] });
    const error = (await requestAccount(wallet.provider).catch((e: unknown) => e)) as PageError;
    expect(error.text).toEqual({ key: "error.noAccount" });
  });
});

describe("errors", () => {
  it("finds a wallet's code, also when wrapped", () => {
    expect(walletErrorCode(rejected(4001))).toBe(4001);
    expect(walletErrorCode({ data: { originalError: { code: 4902 } } })).toBe(4902);
    expect(walletErrorCode(new Error("plain", { cause: { code: -32002 } }))).toBe(-32002);
    expect(walletErrorCode("nope")).toBeUndefined();
  });

  it("words a declined request, a gateway code and a network failure in the page's language", () => {
    expect(translate("en", errorText(rejected(4001)))).toBe("You declined in your wallet");
    expect(translate("zh", errorText(rejected(4001)))).toBe("你在钱包中拒绝了请求");
    const limited = new GatewayError("Too many requests…", "RATE_LIMITED", { retryAfterSeconds: 7 });
    expect(translate("zh", errorText(limited))).toBe("请求过于频繁，请在 7 秒后重试");
    expect(translate("en", errorText(new NetworkError()))).toMatch(/^Could not reach the server/);
  });

  it("shows the gateway's own message for a code the page has no words for", () => {
    const unknown = new GatewayError("签名请求已结束。", "SOMETHING_NEW", {});
    expect(translate("en", errorText(unknown))).toBe("签名请求已结束。");
  });
});

describe("discoverWallets", () => {
  const provider: Eip1193Provider = { request: async () => null };

  it("lists wallets announced per EIP-6963, keeping only data: icons", async () => {
    const target = new EventTarget() as unknown as Window;
    // A wallet answers the page's request for providers.
    target.addEventListener("eip6963:requestProvider", () => {
      const announce = (uuid: string, name: string, icon: string, rdns: string) =>
        target.dispatchEvent(
          Object.assign(new Event("eip6963:announceProvider"), {
            detail: { info: { uuid, name, icon, rdns }, provider },
          }),
        );
      announce("u1", "Test Wallet", "data:image/svg+xml,<svg/>", "test.wallet");
      announce("u2", "Other", "https://tracker.example/icon.png", "other.wallet");
    });
    const seen: WalletOption[][] = [];
    const stop = discoverWallets((wallets) => seen.push(wallets), { target, fallbackAfterMs: 10 });
    stop();
    expect(seen.at(-1)?.map((w) => [w.name, w.rdns, w.icon])).toEqual([
      ["Test Wallet", "test.wallet", "data:image/svg+xml,<svg/>"],
      ["Other", "other.wallet", undefined],
    ]);
  });

  it("falls back to window.ethereum when nothing announces, and to nothing without it", async () => {
    const withInjected = Object.assign(new EventTarget(), { ethereum: provider }) as unknown as Window;
    const found = await new Promise<WalletOption[]>((resolve) => {
      discoverWallets((wallets, searching) => !searching && resolve(wallets), {
        target: withInjected,
        fallbackAfterMs: 10,
      });
    });
    expect(found.map((w) => w.id)).toEqual(["injected"]);
    const bare = new EventTarget() as unknown as Window;
    const none = await new Promise<WalletOption[]>((resolve) => {
      discoverWallets((wallets, searching) => !searching && resolve(wallets), {
        target: bare,
        fallbackAfterMs: 10,
      });
    });
    expect(none).toEqual([]);
  });
});
