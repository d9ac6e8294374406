import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createDbConfig, DbError } from "../src/index.ts";

describe("createDbConfig", () => {
  it("uses the embedded database in <repo>/.data/pglite when nothing is set", () => {
    const config = createDbConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(resolve(import.meta.dirname, "../../../.data"));
    expect(config.pgliteDir).toBe(join(config.dataDir, "pglite"));
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(createDbConfig({ DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
  });

  it("accepts postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/luma", "postgresql://localhost/luma?sslmode=require"]) {
      expect(createDbConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it("resolves a relative LUMA_DATA_DIR against the working directory", () => {
    expect(createDbConfig({ LUMA_DATA_DIR: "var/luma" }).pgliteDir).toBe(resolve("var/luma", "pglite"));
  });

  it("error: rejects a malformed DATABASE_URL in one line, password masked", () => {
    for (const url of ["mysql://root:hunter2@localhost/luma", "localhost:5432", "postgresql://"]) {
      const error = (() => {
        try {
          createDbConfig({ DATABASE_URL: url });
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(DbError);
      expect((error as DbError).code).toBe("invalid-config");
      expect((error as DbError).message).toMatch(
        /^Invalid database configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
      );
      expect((error as DbError).message).not.toContain("hunter2");
      expect((error as DbError).message).not.toContain("\n");
    }
  });
});
