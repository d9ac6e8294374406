import { describe, expect, it } from "vitest";
import { createGatewayConfig } from "../src/config.ts";
import { publicChainOf } from "../src/intents/publicChain.ts";

/**
 * The chain an intent gives members' wallets (`SigningIntent.chain`): never the node's own RPC URL,
 * which may carry a provider key, name a docker-internal host, or be ws://. intents.test.ts checks
 * the same through the API against the devnet.
 */
describe("the chain published to wallets", () => {
  const unset = { publicRpcUrl: undefined, publicChainName: undefined };

  it("shows the devnet's loopback http(s) RPC URL, and nothing else of the node's", () => {
    for (const local of ["http://127.0.0.1:8545", "http://localhost:8545/", "https://[::1]:8545"]) {
      expect(publicChainOf(31337, local, unset).rpcUrl).toBe(local);
    }
    for (const node of [
      "https://eth-mainnet.g.alchemy.com/v2/secret-provider-key",
      "http://anvil:8545",
      "http://10.0.0.7:8545",
      "ws://127.0.0.1:8545",
      "wss://node.example.org/ws",
    ]) {
      expect(publicChainOf(1, node, unset).rpcUrl).toBeNull();
    }
  });

  it("prefers PUBLIC_RPC_URL and PUBLIC_CHAIN_NAME; the name defaults to a known one, else Chain <id>", () => {
    const settings = { publicRpcUrl: "https://rpc.example.org", publicChainName: "Luma Mainnet" };
    expect(publicChainOf(1, "https://node.internal/key", settings)).toEqual({
      id: 1,
      name: "Luma Mainnet",
      rpcUrl: "https://rpc.example.org",
    });
    expect(publicChainOf(31337, "http://127.0.0.1:8545", unset).name).toBe("Luma devnet (anvil)");
    expect(publicChainOf(4242, "http://127.0.0.1:8545", unset).name).toBe("Chain 4242");
  });

  it("reads PUBLIC_RPC_URL (http(s) only) and PUBLIC_CHAIN_NAME from the environment", () => {
    const { signing } = createGatewayConfig({
      PUBLIC_RPC_URL: "https://rpc.example.org/",
      PUBLIC_CHAIN_NAME: " Luma Mainnet ",
    });
    expect(signing).toMatchObject({
      publicRpcUrl: "https://rpc.example.org/",
      publicChainName: "Luma Mainnet",
    });
    expect(createGatewayConfig({ PUBLIC_RPC_URL: "", PUBLIC_CHAIN_NAME: "" }).signing).toMatchObject(unset);
    expect(() => createGatewayConfig({ PUBLIC_RPC_URL: "ws://127.0.0.1:8545" })).toThrow(
      /^PUBLIC_RPC_URL=ws:\/\/127\.0\.0\.1:8545 is invalid: expected the chain's public http\(s\):\/\//,
    );
    expect(() => createGatewayConfig({ PUBLIC_RPC_URL: "rpc.example.org" })).toThrow(/^PUBLIC_RPC_URL=/);
    expect(() => createGatewayConfig({ PUBLIC_CHAIN_NAME: "x".repeat(65) })).toThrow(/^PUBLIC_CHAIN_NAME=/);
  });
});
