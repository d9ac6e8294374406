import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPaths } from "../src/projectPaths.ts";

const { migrations } = projectPaths();
const folders = readdirSync(migrations, { withFileTypes: true }).filter((entry) => entry.isDirectory());

/** The `;` that sit inside a quoted literal or identifier, or a dollar-quoted body. */
function quotedSemicolons(sql: string): number {
  const code = sql.replace(/--[^\n]*/g, "");
  let count = 0;
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const char = code[i];
    if (quote) {
      if (code.startsWith(quote, i)) quote = undefined;
      else if (char === ";") count++;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (code.startsWith("$$", i)) {
      quote = "$$";
      i++;
    }
  }
  return count;
}

describe("prisma/migrations", () => {
  it("holds at least the initial migration, each folder with its migration.sql", () => {
    expect(folders.map((folder) => folder.name)).toContainEqual(expect.stringMatching(/^\d{14}_init$/));
    for (const folder of folders) {
      expect(readFileSync(join(migrations, folder.name, "migration.sql"), "utf8")).toMatch(
        /CREATE|ALTER|DROP/,
      );
    }
    expect(readFileSync(join(migrations, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
  });

  // @prisma/adapter-pg 6.19.3 runs a migration by splitting it on every ";" (executeScript), so a
  // semicolon inside a string, an identifier or a function body would cut a statement in two.
  it("splits into whole statements on ';', as the pg adapter runs them", () => {
    for (const folder of folders) {
      const sql = readFileSync(join(migrations, folder.name, "migration.sql"), "utf8");
      expect({ migration: folder.name, quotedSemicolons: quotedSemicolons(sql) }).toEqual({
        migration: folder.name,
        quotedSemicolons: 0,
      });
    }
  });
});
