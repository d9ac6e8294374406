import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The GraphQL examples of docs/graphql.md's "Wallet linking" section, by operation name. They need
 * the service token or earlier answers, so walletLinks.test.ts runs them in order with variables.
 */
export function walletLinkDocExamples(): Record<string, string> {
  const markdown = readFileSync(resolve(import.meta.dirname, "../../../docs/graphql.md"), "utf8");
  const start = markdown.indexOf("\n## Wallet linking\n");
  if (start < 0) throw new Error('docs/graphql.md has no "## Wallet linking" section');
  const next = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, source = ""]) => source);
  return Object.fromEntries(blocks.map((source) => [/^(?:query|mutation) (\w+)/m.exec(source)?.[1], source]));
}
