import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The GraphQL examples of docs/graphql.md's "Signing intents" section, by operation name. They need an
 * intent's id (and a transaction), so intents.test.ts runs them with variables against a real intent.
 */
export function intentDocExamples(): Record<string, string> {
  const markdown = readFileSync(resolve(import.meta.dirname, "../../../docs/graphql.md"), "utf8");
  const start = markdown.indexOf("\n## Signing intents\n");
  if (start < 0) throw new Error('docs/graphql.md has no "## Signing intents" section');
  const next = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, source = ""]) => source);
  return Object.fromEntries(
    blocks.map((source) => [/^(?:query|mutation|subscription) (\w+)/m.exec(source)?.[1], source]),
  );
}
