import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, validate } from "graphql";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";
import type { RunningGateway } from "../src/startGateway.ts";
import { setupChain } from "./setupChain.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

/** Every ```graphql block of docs/graphql.md, named by its operation. */
function documentedOperations() {
  const markdown = readFileSync(resolve(import.meta.dirname, "../../../docs/graphql.md"), "utf8");
  return [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, source = ""]) => ({
    source,
    name: /^(?:query|subscription) (\w+)/m.exec(source)?.[1] ?? source.slice(0, 40),
    isSubscription: /^subscription /m.test(source),
  }));
}

describe("docs/graphql.md", () => {
  const operations = documentedOperations();
  let gateway: RunningGateway;

  beforeAll(async () => {
    const chain = await setupChain();
    // Position 0 exists, so the optionPosition example has something to show.
    await chain.actors.optionStake(chain.members.alice, parseUnits("1000", 18));
    gateway = await startReadyGateway(chain);
  });

  it("documents every query and subscription of the schema", () => {
    const documented = operations.map((operation) => operation.source).join("\n");
    const roots = [schema.getQueryType(), schema.getSubscriptionType()];
    const fields = roots.flatMap((root) => Object.keys(root?.getFields() ?? {}));
    expect(fields.filter((field) => !new RegExp(`\\b${field}\\b`).test(documented))).toEqual([]);
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
    for (const { name, source } of operations.filter((operation) => !operation.isSubscription)) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: source }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
      expect(body.data).toBeTruthy();
    }
  });
});
