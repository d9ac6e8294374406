import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeSignableCall, type SignableCall } from "@luma-pulse/protocol";
import { parse, validate } from "graphql";
import { createYoga } from "graphql-yoga";
import { getAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSigningPage, signingPageDist } from "../../signing-page/buildSigningPage.ts";
import { MAX_PAGE_JS_GZIP_BYTES, measurePageSize } from "../../signing-page/measurePageSize.ts";
// The page's modules that run in Node too: its GraphQL documents, types and pure checks.
import {
  CHALLENGE_QUERY,
  COMPLETE_MUTATION,
  INTENT_QUERY,
  REPORT_MUTATION,
} from "../../signing-page/src/api/documents.ts";
import type { Deployment, SigningIntent } from "../../signing-page/src/api/types.ts";
import { checkIntent } from "../../signing-page/src/checks/checkIntent.ts";
import { translate } from "../../signing-page/src/i18n/translate.ts";
import type { TransactionPlan } from "../src/actions/TransactionPlan.ts";
import { createIntent } from "../src/intents/createIntent.ts";
import { SIGNING_PAGE_CSP, useSigningPage } from "../src/intents/signingPage.ts";
import { schema } from "../src/schema/index.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

let gateway: RunningGateway;
let chain: Awaited<ReturnType<typeof setupChain>>;
let database: Awaited<ReturnType<typeof setupDatabase>>;

beforeAll(async () => {
  // Builds only when the page's sources changed since the last build (as `npm run build` does).
  await buildSigningPage();
  chain = await setupChain();
  database = await setupDatabase();
  gateway = await startReadyGateway(chain, { database });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}${path}`, { headers });

/** The script and stylesheet the built page references, in order. */
async function assetPaths(): Promise<string[]> {
  const html = await (await get("/sign/any")).text();
  return [...html.matchAll(/(?:src|href)="(\/sign-assets\/[^"]+)"/g)].map((match) => match[1] as string);
}

describe("the signing page's routes", () => {
  it("serves the page's HTML for /sign/<id> and /link/<id>, whatever the id", async () => {
    const built = await readFile(join(signingPageDist, "index.html"), "utf8");
    for (const path of ["/sign/Xy_9-AbCdEfGhIjKlMnOpQ", "/sign/unknown-id", "/link/abc123", "/sign/abc/"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      expect(await response.text(), path).toBe(built);
    }
  });

  it("sends the strict CSP (Trusted Types), nosniff, no-referrer and no caching with the HTML", async () => {
    const response = await get("/sign/abc");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; " +
        "require-trusted-types-for 'script'; trusted-types 'none'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("has no inline script, style or event handler in the HTML (the CSP would block them)", async () => {
    const html = await (await get("/sign/abc")).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/sign-assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    // Nothing from another origin either.
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });

  it("serves the hashed assets with their types and immutable cache headers", async () => {
    const paths = await assetPaths();
    expect(paths.some((path) => path.endsWith(".js"))).toBe(true);
    expect(paths.some((path) => path.endsWith(".css"))).toBe(true);
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe(
        path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      );
      expect(response.headers.get("cache-control"), path).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("content-security-policy"), path).toBe(SIGNING_PAGE_CSP);
      const onDisk = await readFile(join(signingPageDist, path.slice("/sign-assets/".length)));
      expect(Buffer.from(await response.arrayBuffer()).equals(onDisk), path).toBe(true);
    }
  });

  it("sends assets gzipped to clients that accept it", async () => {
    const [script] = (await assetPaths()).filter((path) => path.endsWith(".js"));
    const response = await get(script as string, { "accept-encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(Number(response.headers.get("content-length"))).toBeLessThan(
      (await readFile(join(signingPageDist, (script as string).slice("/sign-assets/".length)))).byteLength,
    );
    // fetch decompresses: what arrives is the script itself.
    expect(await response.text()).toContain("eip6963:requestProvider");
  });

  it("error: an unknown asset, the HTML or a dot-file under /sign-assets/ is 404, never another file", async () => {
    for (const path of [
      "/sign-assets/missing-abc123.js",
      "/sign-assets/index.html",
      "/sign-assets/.sources-hash",
      "/sign-assets/..%2Findex.html",
      "/sign-assets/",
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(await response.text(), path).toBe("No such asset.\n");
    }
    // URL parsing resolves encoded dots before the gateway sees the path: it asks for /package.json.
    const escaping = await get("/sign-assets/%2E%2E/%2E%2E/package.json");
    expect(escaping.status).toBe(404);
    expect(await escaping.text()).not.toContain("workspaces");
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(`${gateway.url}/sign/abc`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-security-policy")).toBe(SIGNING_PAGE_CSP);
    expect(await head.text()).toBe("");
    const post = await fetch(`${gateway.url}/sign/abc`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("sends the page's security headers with the QR code, and with its 404", async () => {
    const { id } = await createIntent(database.prisma, await stakeLumaPlan(), { ttlMs: 15 * 60_000 });
    const qr = await get(`/sign/${id}/qr.png`);
    const missing = await get("/sign/AAAAAAAAAAAAAAAAAAAAAA/qr.png");
    expect([qr.status, qr.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect(missing.status).toBe(404);
    const page = await get("/sign/abc");
    for (const response of [qr, missing]) {
      for (const name of [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
      ]) {
        expect(response.headers.get(name), name).toBe(page.headers.get(name));
      }
    }
    expect(qr.headers.get("content-security-policy")).toBe(SIGNING_PAGE_CSP);
  });

  it("leaves /sign/<id>/qr.png and /graphql to the rest of the gateway", async () => {
    const qr = await get("/sign/abc/qr.png");
    expect(qr.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    const graphql = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ protocol { chainId } }" }),
    });
    expect((await graphql.json()).data.protocol.chainId).toBe(chain.manifest.chainId);
  });

  it("error: answers 503 with the way out when the page was not built", async () => {
    const empty = await mkdtemp(join(tmpdir(), "luma-no-page-"));
    try {
      const yoga = createYoga({ plugins: [useSigningPage({ dir: empty })], logging: false });
      const response = await yoga.fetch("http://gateway.test/sign/abc");
      expect(response.status).toBe(503);
      expect(await response.text()).toBe(
        "The signing page is not built: run `npm run build` (it builds services/signing-page).\n",
      );
      expect(response.headers.get("content-security-policy")).toBe(SIGNING_PAGE_CSP);
      expect((await yoga.fetch("http://gateway.test/sign-assets/index-abc.js")).status).toBe(404);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe("the signing page's weight", () => {
  it("keeps its JavaScript under 150 kB gzipped", () => {
    const { js, css } = measurePageSize();
    expect(js.raw).toBeGreaterThan(0);
    expect(css.raw).toBeGreaterThan(0);
    expect(js.gzip).toBeLessThan(MAX_PAGE_JS_GZIP_BYTES);
  });
});

/** A "stake 100 LUMA" plan as part A builds it: an exact approval of Rebase staking, then the stake. */
async function stakeLumaPlan(): Promise<TransactionPlan> {
  const amount = 100n * 10n ** 18n;
  const step = (kind: "approve" | "action", call: SignableCall) => ({
    kind,
    call,
    to: getAddress(chain.manifest.contracts[call.contract]),
    data: encodeSignableCall(call),
    value: 0n,
    gas: 200_000n,
  });
  const spender = getAddress(chain.manifest.contracts.rebaseStaking);
  return {
    action: "stakeLuma",
    chainId: chain.manifest.chainId,
    account: chain.members.alice,
    input: { amount: "100", resolved: { raw: amount, symbol: "LUMA" } },
    steps: [
      step("approve", { contract: "luma", functionName: "approve", args: [spender, amount.toString()] }),
      step("action", { contract: "rebaseStaking", functionName: "stake", args: [amount.toString()] }),
    ],
    outcome: {
      spend: [{ raw: amount, symbol: "LUMA" }],
      receive: [{ raw: amount, symbol: "sLUMA" }],
      simulatedAtBlock: await chain.client.getBlockNumber(),
    },
  };
}

describe("the page's view of a stored intent (its own query and checks, against this gateway)", () => {
  const readIntent = async (id: string, locale = "en") => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": locale },
      body: JSON.stringify({ query: INTENT_QUERY, variables: { id } }),
    });
    return (await response.json()) as {
      data?: { intent: SigningIntent; protocol: Deployment };
      errors?: { extensions?: { code?: string } }[];
    };
  };

  it("sends only operations the gateway's schema accepts", () => {
    for (const document of [INTENT_QUERY, REPORT_MUTATION, CHALLENGE_QUERY, COMPLETE_MUTATION]) {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
    }
  });

  it("finds nothing to refuse in an intent the gateway stored from a plan", async () => {
    const { id } = await createIntent(database.prisma, await stakeLumaPlan(), { ttlMs: 15 * 60_000 });
    const { data, errors } = await readIntent(id);
    expect(errors).toBeUndefined();
    if (!data) throw new Error("no intent");
    expect(data.intent.status).toBe("PENDING");
    expect(checkIntent(data.intent, data.protocol)).toEqual([]);
  });

  it("error: refuses an intent whose stored calldata no longer matches the call it shows", async () => {
    const plan = await stakeLumaPlan();
    const [approve, stake] = plan.steps as [TransactionPlan["steps"][0], TransactionPlan["steps"][0]];
    // Someone with database access swaps the stake's calldata for a larger amount.
    const tampered = {
      ...stake,
      data: encodeSignableCall({ ...stake.call, args: [(10n ** 24n).toString()] }),
    };
    const { id } = await createIntent(
      database.prisma,
      { ...plan, steps: [approve, tampered] },
      { ttlMs: 60_000 },
    );
    const { data } = await readIntent(id);
    if (!data) throw new Error("no intent");
    const problems = checkIntent(data.intent, data.protocol);
    expect(problems.map((problem) => translate("en", problem))).toEqual([
      "step 2's calldata differs from the call shown",
    ]);
  });

  it("error: an unknown id is UNKNOWN_INTENT, which the page words as an invalid link", async () => {
    const { errors } = await readIntent("AAAAAAAAAAAAAAAAAAAAAA");
    expect(errors?.[0]?.extensions?.code).toBe("UNKNOWN_INTENT");
  });
});
