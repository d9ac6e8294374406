import { createServer } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { spawnGatewayMain, waitForStatus, writeTemporaryManifest } from "./gatewayMainProcess.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { subscribeOverSse } from "./subscribeOverSse.ts";

/**
 * A JSON-RPC proxy in front of `target` that can hold back every request carrying an `eth_call`
 * (contract reads; the head polls and the indexer go through): a slow node, for one kind of request,
 * that the test releases when it wants.
 */
async function startCallHoldingProxy(target: string) {
  let held = 0;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (gate && body.includes('"eth_call"')) {
      held += 1;
      await gate;
    }
    const answer = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  deferTeardown(() => new Promise((resolve) => server.close(resolve)));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    /** Requests held since the last `hold()`. */
    held: () => held,
    hold() {
      held = 0;
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release() {
      gate = undefined;
      release?.();
    },
  };
}

describe("npm run gateway on SIGTERM", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;

  beforeAll(async () => {
    chain = await setupChain();
  }, 120_000);

  it("refuses new connections at once, hands the indexer over, ends subscriptions, finishes the request in flight on a closing connection, then exits 0", async () => {
    const rpc = await startCallHoldingProxy(chain.manifest.rpcUrl);
    const common = {
      LUMA_MANIFEST: await writeTemporaryManifest(chain.manifest),
      DATABASE_URL: await setupThrowawayPostgres("graceful"),
      HOST: "127.0.0.1",
      INDEXER_LOCK_RETRY_MS: "500",
    };
    const gateway = spawnGatewayMain({ ...common, CHAIN_RPC_URLS: rpc.url, SHUTDOWN_TIMEOUT_MS: "60000" });
    const url = await gateway.listening();
    await waitForStatus(`${url}/readyz`, 200);
    // A second replica on the same database, straight on the node (the proxy holds only the first's reads).
    const standby = spawnGatewayMain(common);
    const standbyUrl = await standby.listening();
    expect(await waitForStatus(`${standbyUrl}/readyz`, 200)).toMatchObject({ leader: false });

    const burns = await subscribeOverSse(`${url}/graphql`, "subscription { soraBurned { txHash } }");
    rpc.hold();
    const slow = postGraphql(url, "{ protocol { parameters { option { dailyRateBps } } } }");
    await expect.poll(() => rpc.held(), { timeout: 30_000 }).toBeGreaterThan(0);
    gateway.child.kill("SIGTERM");
    // A proxy's next new connection fails, so it sends the request to another replica.
    await expect
      .poll(
        () =>
          fetch(`${url}/healthz`).then(
            () => "answered",
            () => "refused",
          ),
        { timeout: 30_000 },
      )
      .toBe("refused");
    // Subscribers are let go at once, to resume on another replica from their last event id.
    await expect(burns.next(30_000)).rejects.toThrow("the subscription completed");
    // The indexer lock is released early: the standby indexes while this replica still drains.
    await expect
      .poll(
        async () => ((await (await fetch(`${standbyUrl}/readyz`)).json()) as { leader: boolean }).leader,
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(gateway.child.exitCode, "the first replica is still draining the held request").toBeNull();
    rpc.release();
    const { status, body, response } = await slow;
    expect(status).toBe(200);
    // Its keep-alive connection is not reused: no new request reaches a replica going away.
    expect(response.headers.get("connection")).toBe("close");
    expect(body.errors).toBeUndefined();
    expect(BigInt(body.data.protocol.parameters.option.dailyRateBps)).toBeGreaterThan(0n);
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toContain('"msg":"stopped"');
  }, 120_000);
});
