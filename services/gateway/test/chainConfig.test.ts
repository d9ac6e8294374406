import { CONTRACT_NAMES } from "@luma-pulse/protocol";
import { describe, expect, it } from "vitest";
import { ChainSetupError } from "../src/chainConfig/ChainSetupError.ts";
import { createChainConfig } from "../src/chainConfig/createChainConfig.ts";
import { maskRpcUrl } from "../src/chainConfig/maskRpcUrl.ts";
import { maskUrlsIn } from "../src/chainConfig/maskUrlsIn.ts";
import { parseContractAddresses } from "../src/chainConfig/parseContractAddresses.ts";

/** Distinct all-lowercase addresses for every contract, as LUMA_CONTRACT_ADDRESSES takes them. */
const addresses = CONTRACT_NAMES.map(
  (name, index) => `${name}=0x${(index + 1).toString(16).padStart(40, "0")}`,
).join(",");

/** The message createChainConfig throws for `env`. */
function refusal(env: Record<string, string>): string {
  try {
    createChainConfig(env, "/srv/luma");
  } catch (error) {
    expect(error).toBeInstanceOf(ChainSetupError);
    return (error as ChainSetupError).message;
  }
  throw new Error("expected createChainConfig to throw");
}

describe("createChainConfig", () => {
  it("defaults to the devnet's manifest in the data folder, its RPC, no confirmations", () => {
    expect(createChainConfig({}, "/srv/luma")).toEqual({
      manifest: { kind: "file", path: "/srv/luma/.data/devnet/manifest.json" },
      rpcUrls: undefined,
      webSocketUrl: undefined,
      chainId: undefined,
      confirmations: 0,
    });
    expect(createChainConfig({ LUMA_DATA_DIR: "/var/lib/luma" }, "/srv/luma").manifest).toEqual({
      kind: "file",
      path: "/var/lib/luma/devnet/manifest.json",
    });
  });

  it("reads a manifest path, RPC URLs with fallbacks, a WebSocket URL, a chain id and confirmations", () => {
    const config = createChainConfig(
      {
        LUMA_MANIFEST: "deploy/manifest.json",
        CHAIN_RPC_URLS: " https://rpc.example.org/v2/key , http://10.0.0.5:8545 ,",
        CHAIN_WS_URL: "wss://rpc.example.org/ws/key",
        CHAIN_ID: "8453",
        INDEXER_CONFIRMATIONS: "12",
      },
      "/srv/luma",
    );
    expect(config).toEqual({
      manifest: { kind: "file", path: "/srv/luma/deploy/manifest.json" },
      rpcUrls: ["https://rpc.example.org/v2/key", "http://10.0.0.5:8545"],
      webSocketUrl: "wss://rpc.example.org/ws/key",
      chainId: 8453,
      confirmations: 12,
    });
  });

  it("reads contract addresses and a start block instead of a manifest", () => {
    const config = createChainConfig({
      LUMA_CONTRACT_ADDRESSES: addresses,
      LUMA_START_BLOCK: "19000000",
      LUMA_LAUNCH_TIME: "2025-12-14T04:00:00Z",
      CHAIN_RPC_URLS: "https://rpc.example.org",
    });
    expect(config.manifest).toMatchObject({
      kind: "addresses",
      startBlock: 19_000_000n,
      launchTime: new Date("2025-12-14T04:00:00Z"),
      contracts: { pop: "0x0000000000000000000000000000000000000001" },
    });
  });

  it("error: a malformed RPC URL is named by its position, its path and credentials masked", () => {
    expect(refusal({ CHAIN_RPC_URLS: "https://rpc.example.org/v2/SECRET,rpc.example.org/v3/SECRET" })).toBe(
      'CHAIN_RPC_URLS is invalid: URL 2 "rpc.example.org/***" is not a URL (expected http(s)://…).',
    );
    expect(refusal({ CHAIN_RPC_URLS: "wss://alice:SECRET@rpc.example.org" })).toBe(
      'CHAIN_RPC_URLS is invalid: "wss://***@rpc.example.org" is not a http(s):// URL.',
    );
  });

  it("error: one line per bad variable", () => {
    const message = refusal({
      CHAIN_WS_URL: "https://rpc.example.org/ws",
      CHAIN_ID: "0",
      INDEXER_CONFIRMATIONS: "1001",
    });
    expect(message.split("\n")).toEqual([
      'CHAIN_WS_URL is invalid: "https://rpc.example.org/***" is not a ws(s):// URL.',
      'CHAIN_ID is invalid: expected a chain id (a positive integer) of at least 1, got "0".',
      'INDEXER_CONFIRMATIONS is invalid: expected a number of blocks of at most 1000, got "1001".',
    ]);
  });

  it("error: both a manifest and contract addresses", () => {
    expect(
      refusal({
        LUMA_MANIFEST: "manifest.json",
        LUMA_CONTRACT_ADDRESSES: addresses,
        LUMA_START_BLOCK: "1",
        CHAIN_RPC_URLS: "https://rpc.example.org",
      }),
    ).toBe("Set either LUMA_MANIFEST or LUMA_CONTRACT_ADDRESSES (with LUMA_START_BLOCK), not both.");
  });

  it("error: contract addresses without a start block or an RPC URL", () => {
    expect(refusal({ LUMA_CONTRACT_ADDRESSES: addresses }).split("\n")).toEqual([
      "LUMA_START_BLOCK is required with LUMA_CONTRACT_ADDRESSES: the block the protocol was deployed in.",
      "CHAIN_RPC_URLS is required with LUMA_CONTRACT_ADDRESSES (no manifest gives an RPC URL).",
    ]);
  });

  it("error: a start block without contract addresses", () => {
    expect(refusal({ LUMA_START_BLOCK: "5" })).toBe(
      "LUMA_START_BLOCK is only read with LUMA_CONTRACT_ADDRESSES (a manifest has its own).",
    );
  });
});

describe("parseContractAddresses", () => {
  it("checksums every contract's address", () => {
    const parsed = parseContractAddresses(
      addresses.replace(
        "0x000000000000000000000000000000000000000b",
        "0x00000000000000000000000000000000000000ab",
      ),
    );
    expect(parsed).toMatchObject({ contracts: { multicall3: "0x00000000000000000000000000000000000000AB" } });
  });

  it("error: a missing, unknown, repeated or malformed entry", () => {
    expect(parseContractAddresses("pop=0x0000000000000000000000000000000000000001")).toEqual({
      problem:
        "missing luma, sora, usdt, popLumaPool, soraLumaPool, lumaUsdtPool, optionStaking, rebaseStaking, feeBuyback, multicall3",
    });
    expect(parseContractAddresses(`${addresses},vault=0x01`)).toMatchObject({
      problem: expect.stringContaining('unknown contract "vault"'),
    });
    expect(parseContractAddresses(`${addresses},pop=0x0000000000000000000000000000000000000001`)).toEqual({
      problem: "pop is given twice",
    });
    expect(parseContractAddresses(addresses.replace(/sora=0x\w+/, "sora=0x12"))).toEqual({
      problem: 'sora: expected a 0x-prefixed 20-byte address, got "0x12"',
    });
    expect(parseContractAddresses("pop")).toEqual({
      problem: 'expected name=0x… pairs separated by commas, got "pop"',
    });
  });
});

describe("maskRpcUrl", () => {
  it("keeps scheme, host and port, and hides path, query and credentials", () => {
    expect(maskRpcUrl("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545");
    expect(maskRpcUrl("https://eth-mainnet.g.alchemy.com/v2/abc123")).toBe(
      "https://eth-mainnet.g.alchemy.com/***",
    );
    expect(maskRpcUrl("https://rpc.example.org/?apikey=abc123")).toBe("https://rpc.example.org/***");
    expect(maskRpcUrl("https://user:pass@rpc.example.org:8443")).toBe("https://***@rpc.example.org:8443");
  });

  it("cuts text that is not a URL at its host", () => {
    expect(maskRpcUrl("htp//rpc.example.org/abc123")).toBe("htp/***");
    expect(maskRpcUrl("http://user:pa ss@rpc example/abc123")).toBe("http://***@rpc example/***");
  });
});

describe("maskUrlsIn", () => {
  it("masks every URL in an error's text, as viem writes them, and leaves the rest", () => {
    const viemText =
      "HTTP request failed.\n\nStatus: 503\nURL: https://eth-mainnet.g.alchemy.com/v2/SECRETKEY\n" +
      'Request body: {"method":"eth_call"}\n\nsocket at wss://user:hunter2@rpc.example.org/ws?key=SECRETKEY failed';
    expect(maskUrlsIn(viemText)).toBe(
      "HTTP request failed.\n\nStatus: 503\nURL: https://eth-mainnet.g.alchemy.com/***\n" +
        'Request body: {"method":"eth_call"}\n\nsocket at wss://***@rpc.example.org/*** failed',
    );
    expect(maskUrlsIn("chain RPC at http://127.0.0.1:8545 is on chain 1")).toBe(
      "chain RPC at http://127.0.0.1:8545 is on chain 1",
    );
  });
});
