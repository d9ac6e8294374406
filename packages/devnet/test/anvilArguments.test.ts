import { describe, expect, it } from "vitest";
import { anvilArguments } from "../src/anvilArguments.ts";

describe("anvilArguments", () => {
  it("passes only the port and --quiet when nothing else is given", () => {
    expect(anvilArguments({ port: 8545 })).toEqual(["--port", "8545", "--quiet"]);
  });

  it("passes every given option with anvil's flag names", () => {
    expect(
      anvilArguments({
        port: 9000,
        host: "0.0.0.0",
        chainId: 31337,
        timestamp: 1_765_670_400n,
        accounts: 5,
        balanceEth: 100,
        mnemonic: "test test test test test test test test test test test junk",
        blockTime: 2,
      }),
    ).toEqual([
      "--port",
      "9000",
      "--host",
      "0.0.0.0",
      "--chain-id",
      "31337",
      "--timestamp",
      "1765670400",
      "--accounts",
      "5",
      "--balance",
      "100",
      "--mnemonic",
      "test test test test test test test test test test test junk",
      "--block-time",
      "2",
      "--quiet",
    ]);
  });

  it("lets anvil log when silent is false", () => {
    expect(anvilArguments({ port: 8545, silent: false })).toEqual(["--port", "8545"]);
  });
});
