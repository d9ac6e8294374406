import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { spawnGatewayMain, waitForStatus, writeTemporaryManifest } from "./gatewayMainProcess.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { startCuttableProxy } from "./startCuttableProxy.ts";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The JSON log line with `msg`, parsed. */
function logLine(output: string, msg: string): Record<string, unknown> {
  const line = output.split("\n").find((entry) => entry.includes(`"msg":"${msg}"`));
  if (!line) throw new Error(`no "${msg}" line in:\n${output}`);
  return JSON.parse(line) as Record<string, unknown>;
}

describe("npm run gateway", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;

  beforeAll(async () => {
    chain = await setupChain();
  }, 120_000);

  it("starts against a chain and PostgreSQL, leads the indexer, answers /readyz 200, and stops on SIGTERM", async () => {
    const manifestPath = await writeTemporaryManifest(chain.manifest);
    const env = {
      LUMA_MANIFEST: manifestPath,
      DATABASE_URL: await setupThrowawayPostgres("gateway_main"),
      REDIS_URL,
      REDIS_PREFIX: `luma-test-${randomBytes(6).toString("hex")}:`,
      HOST: "127.0.0.1",
    };
    const leader = spawnGatewayMain(env);
    const url = await leader.listening();
    expect(logLine(leader.output(), "gateway listening")).toMatchObject({
      level: "info",
      service: "gateway",
      url,
      chainId: chain.manifest.chainId,
      manifest: `manifest ${manifestPath}`,
      rpcUrls: [chain.manifest.rpcUrl],
      newHeads: "websocket",
      database: "postgres",
    });
    expect(await waitForStatus(`${url}/readyz`, 200)).toMatchObject({
      ready: true,
      leader: true,
      draining: false,
    });

    // A second replica on the same database stands by, and is ready too: it serves the leader's index.
    const standby = spawnGatewayMain(env);
    const standbyUrl = await standby.listening();
    expect(await waitForStatus(`${standbyUrl}/readyz`, 200)).toMatchObject({ ready: true, leader: false });

    for (const gateway of [standby, leader]) {
      gateway.child.kill("SIGTERM");
      expect(await gateway.exited).toBe(0);
      expect(gateway.output()).toContain('"msg":"stopped"');
    }
  }, 120_000);

  it("serves through the second RPC URL while the first is dead, from contract addresses alone", async () => {
    const dead = await startCuttableProxy(chain.manifest.rpcUrl);
    await dead.cut();
    const gateway = spawnGatewayMain({
      LUMA_CONTRACT_ADDRESSES: Object.entries(chain.manifest.contracts)
        .map(([name, address]) => `${name}=${address}`)
        .join(","),
      LUMA_START_BLOCK: chain.manifest.startBlock.toString(),
      CHAIN_RPC_URLS: `${dead.url}/v2/SECRETKEY,${chain.manifest.rpcUrl}`,
      CHAIN_ID: String(chain.manifest.chainId),
      DATABASE_URL: await setupThrowawayPostgres("gateway_fallback"),
      HOST: "127.0.0.1",
    });
    const url = await gateway.listening();
    expect(logLine(gateway.output(), "gateway listening")).toMatchObject({
      manifest: "LUMA_CONTRACT_ADDRESSES",
      rpcUrls: [`${dead.url}/***`, chain.manifest.rpcUrl],
      newHeads: "polling",
    });
    expect(gateway.output()).toContain(
      `chain: RPC not answering, using the fallbacks meanwhile: ${dead.url}/***`,
    );
    expect(gateway.output()).not.toContain("SECRETKEY");
    expect(await waitForStatus(`${url}/readyz`, 200)).toMatchObject({ ready: true, leader: true });
    const { body } = await postGraphql(url, "{ protocol { chainId contracts { name } } }");
    expect(body.errors).toBeUndefined();
    expect(body.data.protocol.chainId).toBe(chain.manifest.chainId);
    expect(body.data.protocol.contracts).toHaveLength(11);
    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
  }, 120_000);
});
