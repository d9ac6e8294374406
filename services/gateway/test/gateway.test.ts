import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defaultProtocolParameters } from "@luma-pulse/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printedSchema } from "../src/schema/index.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";

async function graphql(gateway: RunningGateway, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a GraphQL response's data is whatever the query asked for
  type Body = { data?: any; errors?: { message: string }[] };
  return { status: response.status, body: (await response.json()) as Body };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("gateway", () => {
  let gateway: RunningGateway;
  let chain: Awaited<ReturnType<typeof setupChain>>;
  beforeAll(async () => {
    chain = await setupChain();
    const database = await setupDatabase();
    gateway = await startGateway({ database, manifest: chain.manifest, port: 0, log: () => {} });
  });
  afterAll(() => gateway?.stop());

  it("answers /healthz while the process runs", async () => {
    const response = await fetch(`${gateway.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });

  it("keeps idle keep-alive connections longer than a proxy's upstream keepalive (nginx: 60 s)", () => {
    // Shorter, Node would close a socket nginx is about to reuse: a random 502 on a POST.
    expect(gateway.server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(gateway.server.headersTimeout).toBeGreaterThan(gateway.server.keepAliveTimeout);
  });

  it("is ready once the chain answers and the indexer has caught up", async () => {
    await waitUntil(async () => (await fetch(`${gateway.url}/readyz`)).status === 200, 15_000);
    const body = await (await fetch(`${gateway.url}/readyz`)).json();
    expect(body).toMatchObject({ ready: true, problems: [], lagBlocks: expect.stringMatching(/^\d+$/) });
  });

  it("serves the deployment: chain, freshness, contracts and live parameters as decimal strings", async () => {
    const { status, body } = await graphql(
      gateway,
      `{ protocol { chainId block { number timestamp } contracts { name address }
         parameters { option { dailyRateBps releasePeriodSeconds } rebase { rebaseRateBps } fees { buybackThreshold } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const protocol = body.data.protocol;
    expect(protocol.chainId).toBe(chain.manifest.chainId);
    expect(BigInt(protocol.block.number)).toBe(await chain.client.getBlockNumber());
    expect(new Date(protocol.block.timestamp).toISOString()).toBe(protocol.block.timestamp);
    expect(protocol.contracts).toContainEqual({
      name: "optionStaking",
      address: chain.manifest.contracts.optionStaking,
    });
    expect(protocol.parameters).toEqual({
      option: {
        dailyRateBps: String(defaultProtocolParameters.option.dailyRateBps),
        releasePeriodSeconds: String(defaultProtocolParameters.option.releasePeriod),
      },
      rebase: { rebaseRateBps: String(defaultProtocolParameters.rebase.rebaseRateBps) },
      fees: { buybackThreshold: String(defaultProtocolParameters.fees.buybackThreshold) },
    });
  });

  it("lists the three pools with reserves and spot prices (launch prices on a fresh chain)", async () => {
    const { body } = await graphql(
      gateway,
      "{ pools { block { number } pools { name address price reserve0 { raw symbol } reserve1 { raw symbol } } } }",
    );
    expect(body.errors).toBeUndefined();
    const byName = Object.fromEntries(
      body.data.pools.pools.map((p: { name: string; price: string }) => [p.name, p]),
    );
    expect(Object.keys(byName)).toEqual(["POP/LUMA", "SORA/LUMA", "LUMA/USDT"]);
    expect(byName["POP/LUMA"].price).toBe("0.5");
    expect(byName["SORA/LUMA"].price).toBe("0.00025");
    expect(byName["LUMA/USDT"].price).toBe("1");
    expect(byName["LUMA/USDT"].reserve1).toEqual({ raw: "2000000000000", symbol: "USDT" });
    expect(byName["SORA/LUMA"].address).toBe(chain.manifest.contracts.soraLumaPool);
  });

  it("serves GraphiQL with a ready-made query to a browser", async () => {
    const response = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("luma-pulse gateway");
  });

  it("error: a query for an unknown field gets a validation error, not a crash", async () => {
    const { body } = await graphql(gateway, "{ protocol { nope } }");
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });
});

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run schema:print -w @luma-pulse/gateway` after a change)", () => {
    const committed = readFileSync(resolve(import.meta.dirname, "../schema.graphql"), "utf8");
    expect(committed).toBe(printedSchema());
  });
});
