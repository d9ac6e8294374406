import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

/** Every workspace folder (plus the cross-service `test/`) becomes one vitest project, named after it. */
function projectRoots(): string[] {
  const nested = ["packages", "services"].flatMap((parent) =>
    readdirSync(parent).map((name) => join(parent, name)),
  );
  return ["contracts", ...nested, "test"].filter(
    (root) => existsSync(join(root, "package.json")) || root === "test",
  );
}

/**
 * One vitest project per workspace: `npx vitest run --project devnet` runs one of them.
 * Tests start their own anvil and database, so files run in separate processes (forks).
 */
export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM side by side; vite would hand Pothos one and our code the other
    // ("Cannot use GraphQLScalarType from another module or realm"). Node resolves it to CommonJS at
    // run time, so tests do the same.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    projects: projectRoots().map((root) => ({
      extends: true,
      test: {
        name: root.split("/").pop(),
        root,
        include: ["**/*.test.ts"],
        exclude: ["**/node_modules/**"],
      },
    })),
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
