import { createServer } from "node:net";
import { getAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { spawnGatewayMain, writeTemporaryManifest } from "./gatewayMainProcess.ts";
import { setupChain } from "./setupChain.ts";
import { startCountingRpcProxy } from "./startCountingRpcProxy.ts";

/** A port nothing listens on: taken, then released at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `npm run gateway` with `env`, expecting a refusal: exit code 1 and one line of output. */
async function refusal(env: Record<string, string>): Promise<string> {
  const gateway = spawnGatewayMain(env);
  const code = await gateway.exited;
  const output = gateway.output().trim();
  expect(code, output).toBe(1);
  expect(output.split("\n"), output).toHaveLength(1);
  expect(output).not.toContain("gateway listening");
  return output;
}

describe("npm run gateway refuses to start", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let manifestPath: string;

  beforeAll(async () => {
    chain = await setupChain();
    manifestPath = await writeTemporaryManifest(chain.manifest);
  }, 120_000);

  it("error: names a malformed RPC URL, its key masked", async () => {
    const output = await refusal({
      LUMA_MANIFEST: manifestPath,
      CHAIN_RPC_URLS: `${chain.manifest.rpcUrl},ftp://rpc.example.org/v3/SECRETKEY`,
    });
    expect(output).toContain(
      'CHAIN_RPC_URLS is invalid: URL 2 "ftp://rpc.example.org/***" is not a http(s):// URL.',
    );
    expect(output).not.toContain("SECRETKEY");
  });

  it("error: says which RPC it cannot reach and why, without its key", async () => {
    const port = await closedPort();
    const output = await refusal({
      LUMA_MANIFEST: manifestPath,
      CHAIN_RPC_URLS: `http://user:hunter2@127.0.0.1:${port}/v2/SECRETKEY`,
    });
    expect(output).toContain(`Cannot reach the chain RPC at http://***@127.0.0.1:${port}/*** (ECONNREFUSED)`);
    expect(output).not.toMatch(/SECRETKEY|hunter2/);
  });

  it("error: an RPC that answers the first probe, then fails a start-up read, without its key", async () => {
    const proxy = await startCountingRpcProxy(chain.manifest.rpcUrl);
    proxy.cut("eth_getCode");
    const output = await refusal({
      LUMA_MANIFEST: manifestPath,
      CHAIN_RPC_URLS: `${proxy.url}/v2/SECRETKEY`,
    });
    expect(output).toContain(`The chain RPC at ${proxy.url}/*** failed while checking the contracts' code`);
    expect(output).not.toContain("SECRETKEY");
  });

  it("error: a manifest for another chain than the RPC's", async () => {
    const otherChain = await writeTemporaryManifest({ ...chain.manifest, chainId: 10 });
    const output = await refusal({ LUMA_MANIFEST: otherChain });
    expect(output).toContain(
      `The deployment manifest is for chain 10, but the RPC is on chain ${chain.manifest.chainId}.`,
    );
  });

  it("error: an RPC on another chain than CHAIN_ID", async () => {
    const output = await refusal({ LUMA_MANIFEST: manifestPath, CHAIN_ID: "1" });
    expect(output).toContain(
      `CHAIN_ID=1 but the chain RPC at ${chain.manifest.rpcUrl} is on chain ${chain.manifest.chainId}`,
    );
  });

  it("error: both a manifest and contract addresses", async () => {
    const addresses = Object.entries(chain.manifest.contracts)
      .map(([name, address]) => `${name}=${address}`)
      .join(",");
    const output = await refusal({
      LUMA_MANIFEST: manifestPath,
      LUMA_CONTRACT_ADDRESSES: addresses,
      LUMA_START_BLOCK: "0",
    });
    expect(output).toContain(
      "Set either LUMA_MANIFEST or LUMA_CONTRACT_ADDRESSES (with LUMA_START_BLOCK), not both.",
    );
  });

  it("error: a manifest whose contracts have no code on this chain (another network's)", async () => {
    const elsewhere = Object.fromEntries(
      Object.keys(chain.manifest.contracts).map((name, index) => [
        name,
        getAddress(`0x${(0xdead00 + index).toString(16).padStart(40, "0")}`),
      ]),
    ) as typeof chain.manifest.contracts;
    const path = await writeTemporaryManifest({ ...chain.manifest, contracts: elsewhere });
    const output = await refusal({ LUMA_MANIFEST: path });
    expect(output).toContain(
      `No contract code for pop at ${elsewhere.pop} on chain ${chain.manifest.chainId} (and 10 more of the 11 contracts)`,
    );
  });

  it("error: a database it cannot reach, once the chain checks passed", async () => {
    const port = await closedPort();
    const output = await refusal({
      LUMA_MANIFEST: manifestPath,
      DATABASE_URL: `postgresql://postgres:hunter2@127.0.0.1:${port}/luma`,
    });
    expect(output).toContain(`127.0.0.1:${port}`);
    expect(output).not.toContain("hunter2");
  });
});
