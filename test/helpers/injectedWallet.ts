import { anvilDefaultMnemonic, devnetChain } from "@luma-pulse/devnet";
import type { Page } from "playwright-core";
import { type Address, createWalletClient, type Hash, type Hex, http, isHex, numberToHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { injectedWalletPageScript, walletBridgeName } from "./injectedWalletPageScript.ts";

/** Requests a user can refuse in the wallet's prompt (answered with EIP-1193 code 4001). */
export type PromptedMethod =
  | "eth_requestAccounts"
  | "wallet_switchEthereumChain"
  | "wallet_addEthereumChain"
  | "eth_sendTransaction"
  | "personal_sign";

export type InjectedWalletOptions = {
  /** The anvil the wallet signs for and forwards reads to. */
  rpcUrl: string;
  /** That anvil's chain id: the only chain the wallet sends transactions on. */
  chainId: number;
  /** Which account of anvil's default mnemonic signs. Default 1 (the tests' "alice"). */
  accountIndex?: number;
  /** The chain the wallet is on when the page opens (another id tests switching). Default: `chainId`. */
  startChainId?: number;
  /** Prompts the user refuses. */
  reject?: readonly PromptedMethod[];
  /**
   * The wallet does not know the anvil chain yet: `wallet_switchEthereumChain` to it answers 4902
   * (unrecognized chain) until the page adds it with `wallet_addEthereumChain`.
   */
  chainUnknownUntilAdded?: boolean;
};

/** One request the page made, with what the wallet answered. */
export type RecordedRequest = {
  method: string;
  params: unknown[];
  result?: unknown;
  error?: { code: number; message: string };
};

/** EIP-1193 / EIP-1474 error codes a wallet answers with. */
const USER_REJECTED = 4001;
const UNAUTHORIZED = 4100;
const UNSUPPORTED_METHOD = 4200;
const UNRECOGNIZED_CHAIN = 4902;
const INTERNAL_ERROR = -32603;

type Answer = {
  result?: unknown;
  error?: { code: number; message: string };
  events?: { event: string; data: unknown }[];
};

class WalletError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Injects an EIP-1193 wallet into `page` (before any of its scripts run): the page sees an
 * EIP-6963 provider "Test Wallet" (and `window.ethereum`) whose requests are answered here, in Node,
 * by a viem wallet client holding an anvil account: it signs locally and sends raw transactions to
 * anvil, and passes reads through. Every request is recorded, so a test can assert that nothing
 * was sent. Call before `page.goto`.
 */
export async function installInjectedWallet(page: Page, options: InjectedWalletOptions) {
  const account = mnemonicToAccount(anvilDefaultMnemonic, { addressIndex: options.accountIndex ?? 1 });
  const chain = devnetChain(options.chainId, options.rpcUrl);
  const client = createWalletClient({ account, chain, transport: http(options.rpcUrl, { retryCount: 0 }) });
  const refused = new Set<string>(options.reject ?? []);
  const knownChains = new Set([options.startChainId ?? options.chainId]);
  if (!options.chainUnknownUntilAdded) knownChains.add(options.chainId);
  let currentChainId = options.startChainId ?? options.chainId;
  let connected = false;
  const requests: RecordedRequest[] = [];

  const prompt = (method: PromptedMethod) => {
    if (refused.has(method)) throw new WalletError(USER_REJECTED, "User rejected the request.");
  };
  const requireAccount = (from: unknown) => {
    if (!connected) throw new WalletError(UNAUTHORIZED, "The page is not connected to this wallet.");
    if (typeof from !== "string" || from.toLowerCase() !== account.address.toLowerCase()) {
      throw new WalletError(UNAUTHORIZED, `This wallet holds ${account.address}, not ${String(from)}.`);
    }
  };
  const chainIdOf = (value: unknown) => {
    if (typeof value !== "string" || !isHex(value)) {
      throw new WalletError(-32602, `Expected a hex chain id, got ${String(value)}.`);
    }
    return Number(BigInt(value));
  };
  const switchTo = (chainId: number, events: Answer["events"]) => {
    if (chainId !== currentChainId) events?.push({ event: "chainChanged", data: numberToHex(chainId) });
    currentChainId = chainId;
    return null;
  };

  async function handle(method: string, params: unknown[], events: NonNullable<Answer["events"]>) {
    switch (method) {
      case "eth_requestAccounts":
        prompt(method);
        if (!connected) events.push({ event: "accountsChanged", data: [account.address] });
        connected = true;
        return [account.address];
      case "eth_accounts":
        return connected ? [account.address] : [];
      case "eth_chainId":
        return numberToHex(currentChainId);
      case "net_version":
        return String(currentChainId);
      case "wallet_switchEthereumChain": {
        prompt(method);
        const chainId = chainIdOf((params[0] as { chainId?: unknown } | undefined)?.chainId);
        if (!knownChains.has(chainId)) {
          throw new WalletError(UNRECOGNIZED_CHAIN, `Unrecognized chain ID ${numberToHex(chainId)}.`);
        }
        return switchTo(chainId, events);
      }
      case "wallet_addEthereumChain": {
        prompt(method);
        const request = params[0] as { chainId?: unknown; rpcUrls?: unknown } | undefined;
        const chainId = chainIdOf(request?.chainId);
        if (!Array.isArray(request?.rpcUrls) || request.rpcUrls.length === 0) {
          throw new WalletError(-32602, "wallet_addEthereumChain needs rpcUrls.");
        }
        knownChains.add(chainId);
        // Like MetaMask, adding a chain goes on to switch to it.
        return switchTo(chainId, events);
      }
      case "eth_sendTransaction": {
        const tx = (params[0] ?? {}) as { from?: unknown; to?: Address; data?: Hex; value?: Hex; gas?: Hex };
        requireAccount(tx.from);
        prompt(method);
        if (currentChainId !== options.chainId) {
          throw new WalletError(
            INTERNAL_ERROR,
            `The wallet is on chain ${currentChainId}, not ${options.chainId}.`,
          );
        }
        return client.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value === undefined ? undefined : BigInt(tx.value),
          gas: tx.gas === undefined ? undefined : BigInt(tx.gas),
        });
      }
      case "personal_sign": {
        const [message, from] = params as [unknown, unknown];
        requireAccount(from);
        prompt(method);
        if (typeof message !== "string") throw new WalletError(-32602, "personal_sign needs a message.");
        return account.signMessage({ message: isHex(message) ? { raw: message } : message });
      }
      default:
        if (method.startsWith("wallet_") || method === "eth_sign" || method.startsWith("eth_signTypedData")) {
          throw new WalletError(UNSUPPORTED_METHOD, `The test wallet does not support ${method}.`);
        }
        // Reads (receipts, calls, block numbers…) go to the chain as a wallet's RPC would.
        return client.request({ method, params } as never);
    }
  }

  await page.exposeFunction(walletBridgeName, async (request: { method: string; params: unknown[] }) => {
    const recorded: RecordedRequest = { method: request.method, params: request.params };
    requests.push(recorded);
    const events: NonNullable<Answer["events"]> = [];
    try {
      recorded.result = (await handle(request.method, request.params, events)) ?? null;
      return { result: recorded.result, events } satisfies Answer;
    } catch (error) {
      const code = error instanceof WalletError ? error.code : rpcCodeOf(error);
      recorded.error = { code, message: error instanceof Error ? error.message : String(error) };
      return { error: recorded.error, events } satisfies Answer;
    }
  });
  await page.addInitScript(injectedWalletPageScript);

  return {
    address: account.address,
    /** Every request so far, in order. */
    requests,
    /** The requests of one method. */
    calls: (method: string) => requests.filter((request) => request.method === method),
    /** Hashes of the transactions the wallet signed and sent. */
    sentTransactions: () =>
      requests
        .filter((request) => request.method === "eth_sendTransaction" && typeof request.result === "string")
        .map((request) => request.result as Hash),
    /** The chain the wallet is on now. */
    chainId: () => currentChainId,
  };
}

export type InjectedWallet = Awaited<ReturnType<typeof installInjectedWallet>>;

/** The JSON-RPC error code inside a viem error (anvil's answer), or "internal error". */
function rpcCodeOf(error: unknown): number {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "number") return code;
  }
  return INTERNAL_ERROR;
}
