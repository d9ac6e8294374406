import type { PrismaClient } from "@luma-pulse/db";
import { createLogger } from "@luma-pulse/ops";
import { http } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { errorCodeOf, postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startCountingRpcProxy } from "./startCountingRpcProxy.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTENT_QUERY = `{ intent(id: "00000000-0000-4000-8000-000000000000") { id } }`;

/** `prisma` whose intent lookups fail as a bug would: a plain Error, neither domain nor outage. */
function withBrokenIntentLookup(prisma: PrismaClient): PrismaClient {
  const broken = new Proxy(prisma.signingIntent, {
    get: (target, key) =>
      key === "findUnique"
        ? () => Promise.reject(new Error("boom: intent lookup bug"))
        : Reflect.get(target, key, target),
  });
  return new Proxy(prisma, {
    get(target, key) {
      if (key === "signingIntent") return broken;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("gateway logs and request ids", () => {
  let gateway: RunningGateway;
  const lines: string[] = [];
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    const chain = await setupChain();
    const database = await setupDatabase();
    gateway = await startReadyGateway(chain, {
      database: { ...database, prisma: withBrokenIntentLookup(database.prisma) },
      logger: createLogger({
        service: "gateway",
        level: "info",
        destination: { write: (line) => lines.push(line) },
      }),
    });
  });

  it("echoes a plain x-request-id given by the caller or a proxy", async () => {
    const { response } = await postGraphql(gateway.url, "{ __typename }", {
      "x-request-id": "edge-7f3a.b_2:c",
    });
    expect(response.headers.get("x-request-id")).toBe("edge-7f3a.b_2:c");
  });

  it("lets a web page on another origin read the request id and the rate-limit headers", async () => {
    const { response } = await postGraphql(gateway.url, "{ __typename }", {
      origin: "https://dashboard.example",
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://dashboard.example");
    const exposed = response.headers.get("access-control-expose-headers")?.split(/,\s*/) ?? [];
    expect(exposed).toEqual(expect.arrayContaining(["x-request-id", "retry-after", "ratelimit-remaining"]));
  });

  it("gives a request without an id a new one, on every route", async () => {
    const first = await postGraphql(gateway.url, "{ __typename }");
    const second = await postGraphql(gateway.url, "{ __typename }");
    expect(first.response.headers.get("x-request-id")).toMatch(UUID);
    expect(second.response.headers.get("x-request-id")).not.toBe(first.response.headers.get("x-request-id"));
    expect((await fetch(`${gateway.url}/healthz`)).headers.get("x-request-id")).toMatch(UUID);
  });

  it("error: replaces an id that is not plain or is too long with a new one", async () => {
    for (const given of ["two words", 'quote"d', "x".repeat(129), ""]) {
      const { response } = await postGraphql(gateway.url, "{ __typename }", { "x-request-id": given });
      expect(response.headers.get("x-request-id"), given).toMatch(UUID);
    }
  });

  it("error: logs a masked internal error with the request's id, while the client sees only that it failed", async () => {
    const { body, response } = await postGraphql(gateway.url, INTENT_QUERY, {
      "x-request-id": "user-report-42",
    });
    expect(response.headers.get("x-request-id")).toBe("user-report-42");
    expect(errorCodeOf(body)).toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(body)).not.toContain("boom");
    const line = logged().find((entry) => entry.requestId === "user-report-42");
    expect(line).toMatchObject({
      level: "error",
      service: "gateway",
      path: "intent",
      msg: "masked error: boom: intent lookup bug",
      err: { message: "boom: intent lookup bug" },
    });
    // The real cause's stack, down to the resolver that failed: what the operator needs.
    expect(String((line?.err as { stack?: string } | undefined)?.stack)).toContain("at requireIntent");
    expect(String(line?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("writes no line for a request answered without trouble (access lines are debug only)", async () => {
    const { response } = await postGraphql(gateway.url, "{ __typename }", {
      "x-request-id": "quiet-request",
    });
    expect(response.status).toBe(200);
    expect(logged().filter((entry) => JSON.stringify(entry).includes("quiet-request"))).toEqual([]);
  });
});

describe("gateway logs of a chain RPC whose URL carries an API key", () => {
  it("error: never writes the key, whether a request's chain read or the head poll or the new-head socket fails", async () => {
    const chain = await setupChain();
    const proxy = await startCountingRpcProxy(chain.manifest.rpcUrl);
    const lines: string[] = [];
    const gateway = await startReadyGateway(chain, {
      chain: {
        transport: http(`${proxy.url}/v2/SECRETKEY`, { batch: true }),
        // The proxy refuses WebSocket: the new-head subscription fails and says where.
        webSocketUrl: `${proxy.url.replace(/^http/, "ws")}/ws/SECRETKEY`,
      },
      log: undefined, // the components log through the logger, as in `npm run gateway`
      logger: createLogger({
        service: "gateway",
        level: "info",
        destination: { write: (line) => lines.push(line) },
      }),
    });
    const masked = `${proxy.url}/***`;

    proxy.cut("eth_call");
    const { body } = await postGraphql(
      gateway.url,
      "{ protocol { parameters { option { dailyRateBps } } } }",
      {
        "x-request-id": "rpc-key-check",
      },
    );
    expect(body.errors?.length).toBeGreaterThan(0);
    proxy.cut("eth_getBlockByNumber");
    await expect
      .poll(() => lines.join("\n"), { timeout: 30_000 })
      .toContain("chain head: cannot read the latest block");
    proxy.restore();

    const written = lines.join("\n");
    expect(written).toContain("new-head subscription at ws://127.0.0.1:");
    const failure = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.requestId === "rpc-key-check");
    expect(failure).toMatchObject({ level: "error", msg: expect.stringContaining("masked error") });
    // The cause's own text stays (what failed, and at which endpoint), with the key masked.
    expect(JSON.stringify(failure?.err)).toContain(masked);
    expect(written).not.toContain("SECRETKEY");
  });
});
