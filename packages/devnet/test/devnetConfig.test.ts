import { describe, expect, it } from "vitest";
import { createDevnetConfig } from "../src/devnetConfig.ts";

describe("createDevnetConfig", () => {
  it("defaults to 127.0.0.1:8545, a .data folder, reuse and live activity", () => {
    expect(createDevnetConfig({}, "/repo")).toEqual({
      port: 8545,
      host: "127.0.0.1",
      publicRpcUrl: undefined,
      dataDir: "/repo/.data/devnet",
      fresh: false,
      simulate: true,
      tickMs: 1_000,
    });
  });

  it("reads every variable, with 0 meaning any free port", () => {
    const config = createDevnetConfig(
      {
        ANVIL_PORT: "0",
        ANVIL_HOST: "0.0.0.0",
        DEVNET_RPC_URL: "http://devnet:8545",
        LUMA_DATA_DIR: "/var/luma",
        LUMA_DEVNET_FRESH: "1",
        LUMA_SIMULATOR: "off",
        LUMA_SIMULATOR_TICK_MS: "250",
      },
      "/repo",
    );
    expect(config).toEqual({
      port: undefined,
      host: "0.0.0.0",
      publicRpcUrl: "http://devnet:8545",
      dataDir: "/var/luma/devnet",
      fresh: true,
      simulate: false,
      tickMs: 250,
    });
  });

  it.each([
    [
      "ANVIL_PORT",
      "99999",
      "ANVIL_PORT=99999 is invalid: expected a port between 1 and 65535 (or 0 for any free port).",
    ],
    ["ANVIL_PORT", "eighty", "ANVIL_PORT=eighty is invalid: expected a port number."],
    ["LUMA_SIMULATOR", "maybe", "LUMA_SIMULATOR=maybe is invalid"],
    [
      "DEVNET_RPC_URL",
      "devnet:8545",
      "DEVNET_RPC_URL=devnet:8545 is invalid: expected the http(s):// URL other hosts reach the chain at.",
    ],
    ["ANVIL_HOST", " ", "ANVIL_HOST=  is invalid: expected an address to listen on, like 0.0.0.0."],
    ["LUMA_SIMULATOR_TICK_MS", "5", "LUMA_SIMULATOR_TICK_MS=5 is invalid: expected at least 100 ms."],
  ])("error: %s=%s is refused with one line naming it", (name, value, message) => {
    expect(() => createDevnetConfig({ [name]: value })).toThrow(message);
  });
});
