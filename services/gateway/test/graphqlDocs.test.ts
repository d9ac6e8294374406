import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, validate } from "graphql";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const markdown = readFileSync(resolve(import.meta.dirname, "../../../docs/graphql.md"), "utf8");

/** Every ```graphql block of docs/graphql.md, named by its operation. */
function documentedOperations() {
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, source = ""]) => ({
    source,
    name: /^(?:query|mutation|subscription) (\w+)/m.exec(source)?.[1] ?? source.slice(0, 40),
    isSubscription: /^subscription /m.test(source),
    // Examples with variables (an intent id, a challenge) run in order in their own test files
    // (intents.test.ts, walletLinks.test.ts), which fill the variables from the earlier steps.
    takesVariables: /^(?:query|mutation|subscription) \w+\s*\(/m.test(source),
  }));
}

/** The bots' shared secret, so the wallet-link examples that need it run as documented. */
const DOCS_SERVICE_TOKEN = "docs-service-token-0123456789abcdef";

describe("docs/graphql.md", () => {
  const operations = documentedOperations();
  let gateway: RunningGateway;

  beforeAll(async () => {
    const chain = await setupChain();
    // Position 0 exists, so the optionPosition example has something to show.
    await chain.actors.optionStake(chain.members.alice, parseUnits("1000", 18));
    gateway = await startReadyGateway(chain, {
      signing: { intentTtlSeconds: 900, serviceToken: DOCS_SERVICE_TOKEN },
    });
  });

  it("documents every query and subscription with an example, and names every mutation", () => {
    const documented = operations.map((operation) => operation.source).join("\n");
    const roots = [schema.getQueryType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((root) => Object.keys(root?.getFields() ?? {}));
    expect(fields.filter((field) => !new RegExp(`\\b${field}\\b`).test(documented))).toEqual([]);
    // The seven plan mutations share one example; each is named in the prose around it.
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.filter((field) => !new RegExp(`\\b${field}\\b`).test(markdown))).toEqual([]);
  });

  it("has examples that are valid against the schema", () => {
    expect(operations.length).toBeGreaterThan(8);
    for (const { name, source } of operations) {
      expect({ name, errors: validate(schema, parse(source)).map((e) => e.message) }).toEqual({
        name,
        errors: [],
      });
    }
  });

  it("has query examples that a running gateway answers without errors", async () => {
    const runnable = operations.filter((operation) => !operation.isSubscription && !operation.takesVariables);
    for (const { name, source } of runnable) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${DOCS_SERVICE_TOKEN}` },
        body: JSON.stringify({ query: source }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      expect(body.data).toBeTruthy();
    }
  });
});
