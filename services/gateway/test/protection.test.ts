import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { assertPageSize, MAX_PAGE_SIZE } from "../src/protection/assertPageSize.ts";
import { createProtectionConfig } from "../src/protection/createProtectionConfig.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { errorCodeOf, type GraphqlBody, postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const PARTNER_KEY = "partner-key-0123456789abcdef";

const post = (gateway: RunningGateway, query: string, headers: Record<string, string> = {}) =>
  postGraphql(gateway.url, query, headers);

const codeOf = errorCodeOf;
const NORMAL = "{ protocol { chainId contracts { name } } }";

let gateway: RunningGateway;
let limited: RunningGateway;

beforeAll(async () => {
  const chain = await setupChain();
  gateway = await startReadyGateway(chain);
  // A second gateway with tiny budgets, so limits are hit without waiting.
  limited = await startGateway({
    database: await setupDatabase(),
    manifest: chain.manifest,
    port: 0,
    log: () => {},
    protection: createProtectionConfig({
      RATE_LIMIT_PER_IP: "3",
      RATE_LIMIT_PER_API_KEY: "6",
      API_KEYS: `partner:${PARTNER_KEY}`,
    }),
  });
  deferTeardown(() => limited.stop());
});

describe("document limits", () => {
  it("error: a query nested 50 levels deep gets QUERY_TOO_DEEP, and the next query is answered", async () => {
    const deep = `{ ${"protocol { ".repeat(50)}chainId${" }".repeat(50)} }`;
    const { body } = await post(gateway, deep);
    expect(codeOf(body)).toBe("QUERY_TOO_DEEP");
    expect(body.errors?.[0]?.message).toMatch(/deeper than 10 levels/);
    expect(body.data).toBeUndefined();
    const next = await post(gateway, NORMAL);
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data.protocol.contracts.length).toBeGreaterThan(0);
  });

  it("error: 1,000 aliases get TOO_MANY_ALIASES", async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(" ");
    const { response, body } = await post(gateway, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(codeOf(body)).toBe("TOO_MANY_ALIASES");
    expect(body.errors?.[0]?.extensions?.params).toEqual({ max: 30 });
    expect((await post(gateway, NORMAL)).body.errors).toBeUndefined();
  });

  it("error: a document of 50,000 tokens gets TOO_MANY_TOKENS", async () => {
    const { body } = await post(gateway, `{ ${"__typename ".repeat(50_000)}}`);
    expect(codeOf(body)).toBe("TOO_MANY_TOKENS");
    expect((await post(gateway, NORMAL)).body.errors).toBeUndefined();
  });

  it("error: five pages of 100 burns in one query get QUERY_TOO_COSTLY", async () => {
    const page = "sora { burns(first: 100) { edges { cursor node { amount { raw formatted } txHash } } } }";
    const { body } = await post(
      gateway,
      `{ ${["a", "b", "c", "d", "e"].map((alias) => `${alias}: ${page}`).join(" ")} }`,
    );
    expect(codeOf(body)).toBe("QUERY_TOO_COSTLY");
    expect(body.errors?.[0]?.extensions?.params).toEqual({ max: 20_000 });
    expect((await post(gateway, NORMAL)).body.errors).toBeUndefined();
  });

  it("error: 100 directives get TOO_MANY_DIRECTIVES", async () => {
    const { body } = await post(gateway, `{ protocol { chainId${" @include(if: true)".repeat(100)} } }`);
    expect(codeOf(body)).toBe("TOO_MANY_DIRECTIVES");
  });

  it("answers GraphiQL's introspection query and its example queries", async () => {
    const page = await fetch(`${gateway.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const { getIntrospectionQuery } = await import("graphql");
    const introspection = await post(gateway, getIntrospectionQuery());
    expect(introspection.body.errors).toBeUndefined();
    expect(introspection.body.data.__schema.queryType.name).toBe("Query");
    // The ready-made document GraphiQL opens with, as GraphiQL sends it: one operation at a time.
    const example = JSON.parse(html.match(/"defaultQuery":("(?:[^"\\]|\\.)*")/)?.[1] ?? '""') as string;
    const operations = [...example.matchAll(/^query (\w+)/gm)].map((match) => match[1]);
    expect(operations.length).toBeGreaterThan(2);
    for (const operationName of operations) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: example, operationName }),
      });
      const body = (await response.json()) as GraphqlBody;
      expect(body.errors, operationName).toBeUndefined();
    }
  });

  it("error: a field name typo gets no suggestion that would reveal the schema", async () => {
    const { body } = await post(gateway, "{ protocl { chainId } }");
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "protocl"/);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});

describe("assertPageSize", () => {
  it("accepts 1 to the maximum page size and defaults a missing size", () => {
    expect(assertPageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    expect(assertPageSize(undefined, { fallback: 25 })).toBe(25);
  });

  it("error: a page of 0 or above the maximum is PAGE_SIZE_OUT_OF_RANGE naming the argument", () => {
    expect(() => assertPageSize(MAX_PAGE_SIZE + 1)).toThrow(/first must be between 1 and 100/);
    expect(() => assertPageSize(0, { name: "last" })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "PAGE_SIZE_OUT_OF_RANGE" }) }),
    );
  });
});

describe("CSRF prevention", () => {
  it("answers a JSON POST and a GET that carries the CSRF header", async () => {
    expect((await post(gateway, NORMAL)).body.errors).toBeUndefined();
    const url = `${gateway.url}/graphql?query=${encodeURIComponent(NORMAL)}`;
    const response = await fetch(url, { headers: { "x-graphql-yoga-csrf": "1" } });
    expect(response.status).toBe(200);
  });

  it("error: a simple GET without the header is refused with CSRF_HEADER_REQUIRED", async () => {
    const response = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent(NORMAL)}`);
    expect(response.status).toBe(403);
    expect(codeOf((await response.json()) as GraphqlBody)).toBe("CSRF_HEADER_REQUIRED");
  });

  it("error: a form-encoded POST, as a cross-site form would send it, is refused", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ query: NORMAL }).toString(),
    });
    expect(response.status).toBe(403);
    expect(codeOf((await response.json()) as GraphqlBody)).toBe("CSRF_HEADER_REQUIRED");
  });

  it("lets an SSE request sent as a JSON POST through", async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: NORMAL }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await response.text()).toContain('"chainId"');
  });
});

describe("rate limits", () => {
  it("error: the 4th request of an address within the window gets 429, Retry-After and RATE_LIMITED", async () => {
    for (let i = 0; i < 3; i++) {
      const { response } = await post(limited, "{ __typename }");
      expect(response.status).toBe(200);
      expect(response.headers.get("ratelimit-remaining")).toBe(String(2 - i));
    }
    const { response, body } = await post(limited, "{ __typename }");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(codeOf(body)).toBe("RATE_LIMITED");
    expect(body.errors?.[0]?.message).toMatch(/try again in \d+ s/);
  });

  it("keeps health routes unlimited for load balancers", async () => {
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });

  it("gives a valid API key its own, larger budget", async () => {
    const headers = { "x-api-key": PARTNER_KEY };
    for (let i = 0; i < 6; i++) {
      const { response, body } = await post(limited, "{ __typename }", headers);
      expect(response.status, `request ${i + 1}`).toBe(200);
      expect(body.data).toEqual({ __typename: "Query" });
    }
    expect(codeOf((await post(limited, "{ __typename }", headers)).body)).toBe("RATE_LIMITED");
  });

  it("error: an unknown API key is refused with 401 UNKNOWN_API_KEY, not served anonymously", async () => {
    const { response, body } = await post(gateway, "{ __typename }", {
      "x-api-key": "not-a-key-of-ours-at-all",
    });
    expect(response.status).toBe(401);
    expect(codeOf(body)).toBe("UNKNOWN_API_KEY");
    expect(body.data).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("not-a-key-of-ours-at-all");
  });
});
