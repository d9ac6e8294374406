import { afterEach, describe, expect, it } from "vitest";
import { anvilDefaultMnemonic } from "../src/anvilDefaultMnemonic.ts";
import { DevnetError } from "../src/DevnetError.ts";
import { type AnvilInstance, startAnvil } from "../src/startAnvil.ts";
import { isAlive } from "./helpers/isAlive.ts";
import { occupyPort } from "./helpers/occupyPort.ts";
import { rpc } from "./helpers/rpc.ts";

/** 14 December 2025 00:00 UTC: the protocol's launch, where the devnet chain starts. */
const LAUNCH = 1_765_670_400n;

const started: AnvilInstance[] = [];
async function start(options: Parameters<typeof startAnvil>[0] = {}): Promise<AnvilInstance> {
  const anvil = await startAnvil(options);
  started.push(anvil);
  return anvil;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((anvil) => anvil.stop()));
});

async function failureOf(promise: Promise<unknown>): Promise<DevnetError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof DevnetError) return error;
  throw new Error(`expected a DevnetError, got ${String(error)}`);
}

describe("startAnvil", () => {
  it("starts on a free port with the requested chain id and genesis timestamp", async () => {
    const anvil = await start({ chainId: 4242, timestamp: LAUNCH });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${anvil.port}`);
    expect(anvil.chainId).toBe(4242);
    expect(await rpc(anvil.rpcUrl, "eth_chainId")).toBe("0x1092");
    const genesis = await rpc<{ timestamp: string }>(anvil.rpcUrl, "eth_getBlockByNumber", ["0x0", false]);
    expect(BigInt(genesis.timestamp)).toBe(LAUNCH);
  });

  it("keeps anvil's defaults when no options are given: chain 31337, the default mnemonic's accounts", async () => {
    const anvil = await start();
    expect(anvil.chainId).toBe(31337);
    const accounts = await rpc<string[]>(anvil.rpcUrl, "eth_accounts");
    expect(accounts).toHaveLength(10);
    expect(accounts[0]).toBe("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    expect(anvilDefaultMnemonic).toBe("test test test test test test test test test test test junk");
  });

  it("passes the number of accounts, their balance and the mnemonic", async () => {
    const anvil = await start({
      accounts: 3,
      balanceEth: 5,
      mnemonic:
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    });
    const accounts = await rpc<string[]>(anvil.rpcUrl, "eth_accounts");
    expect(accounts).toEqual([
      "0x9858effd232b4033e47d90003d41ec34ecaeda94",
      "0x6fac4d18c912343bf86fa7049364dd4e424ab9c0",
      "0xb6716976a3ebe8d39aceb04372f22ff8e6802d7a",
    ]);
    expect(BigInt(await rpc<string>(anvil.rpcUrl, "eth_getBalance", [accounts[0], "latest"]))).toBe(
      5n * 10n ** 18n,
    );
  });

  it("mines on an interval when blockTime is given", async () => {
    const anvil = await start({ blockTime: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(BigInt(await rpc<string>(anvil.rpcUrl, "eth_blockNumber"))).toBeGreaterThanOrEqual(2n);
  });

  it("runs two instances side by side, each with its own chain", async () => {
    const [first, second] = await Promise.all([start({ chainId: 1111 }), start({ chainId: 2222 })]);
    expect(first.port).not.toBe(second.port);
    expect(first.pid).not.toBe(second.pid);
    await rpc(first.rpcUrl, "evm_mine");
    expect(await rpc(first.rpcUrl, "eth_blockNumber")).toBe("0x1");
    expect(await rpc(second.rpcUrl, "eth_blockNumber")).toBe("0x0");
    expect(await rpc(second.rpcUrl, "eth_chainId")).toBe("0x8ae");
  });

  it("listens on the requested port", async () => {
    const { port, server } = await occupyPort();
    await new Promise((resolve) => server.close(resolve));
    const anvil = await start({ port });
    expect(anvil.port).toBe(port);
    expect(await rpc(anvil.rpcUrl, "eth_chainId")).toBe("0x7a69");
  });

  it("stop() ends the process and frees the port; calling it again is harmless", async () => {
    const anvil = await startAnvil();
    await anvil.stop();
    expect(isAlive(anvil.pid)).toBe(false);
    await expect(rpc(anvil.rpcUrl, "eth_chainId")).rejects.toThrow();
    await anvil.stop();
    const again = await start({ port: anvil.port });
    expect(again.port).toBe(anvil.port);
  });

  it("starts fast (median of 5 starts reported)", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const begin = performance.now();
      const anvil = await startAnvil();
      times.push(performance.now() - begin);
      await anvil.stop();
    }
    times.sort((a, b) => a - b);
    const median = times[2] ?? Number.NaN;
    console.info(
      `startAnvil: median ${median.toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms`,
    );
    expect(median).toBeLessThan(3_000);
  });

  it("error: a port in use gives one clear line saying what to do", async () => {
    const { port, server } = await occupyPort();
    try {
      const error = await failureOf(startAnvil({ port }));
      expect(error.code).toBe("port_in_use");
      expect(error.message).toBe(
        `Port ${port} is already in use (another anvil or \`npm start\`?). Stop it or set ANVIL_PORT to a free port.`,
      );
    } finally {
      server.close();
    }
  });

  it("error: a port taken by another anvil gives the same line", async () => {
    const other = await start();
    const error = await failureOf(startAnvil({ port: other.port }));
    expect(error.code).toBe("port_in_use");
    expect(await rpc(other.rpcUrl, "eth_chainId")).toBe("0x7a69");
  });

  it("error: anvil exiting early is reported with its stderr", async () => {
    const error = await failureOf(startAnvil({ mnemonic: "not a valid mnemonic" }));
    expect(error.code).toBe("anvil_failed");
    expect(error.message).toMatch(
      /^anvil exited \(code 1\) before it answered on http:\/\/127\.0\.0\.1:\d+: /,
    );
    expect(error.message).toContain("Error: the word `not` is invalid");
  });

  it("error: a host that is not this machine's says so, with or without a port", async () => {
    for (const options of [{ host: "192.0.2.1" }, { host: "192.0.2.1", port: 8545 }]) {
      const error = await failureOf(startAnvil(options));
      expect(error.code).toBe("host_unavailable");
      expect(error.message).toBe(
        "Cannot listen on 192.0.2.1: it is not an address of this machine. Use 127.0.0.1 (or 0.0.0.0 for all interfaces).",
      );
    }
  });
});
