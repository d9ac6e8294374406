import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createDbConfig, DbError } from "../src/index.ts";

describe("createDbConfig", () => {
  it("uses the embedded database in <repo>/.data/pglite when nothing is set", () => {
    const config = createDbConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(resolve(import.meta.dirname, "../../../.data"));
    expect(config.pgliteDir).toBe(join(config.dataDir, "pglite"));
    expect(config.migrate).toBe(true);
  });

  it("reads DATABASE_MIGRATE=0 as: check the schema, never migrate", () => {
    const url = "postgresql://luma@db:5432/luma";
    expect(createDbConfig({ DATABASE_URL: url, DATABASE_MIGRATE: "0" }).migrate).toBe(false);
    expect(createDbConfig({ DATABASE_URL: url, DATABASE_MIGRATE: "1" }).migrate).toBe(true);
    expect(createDbConfig({ DATABASE_URL: url, DATABASE_MIGRATE: "" }).migrate).toBe(true);
  });

  it("error: refuses a DATABASE_MIGRATE other than 1 or 0, in one line", () => {
    expect(() => createDbConfig({ DATABASE_MIGRATE: "yes" })).toThrow(
      "Invalid database configuration: DATABASE_MIGRATE must be 1 (apply pending migrations at start) or 0.",
    );
  });

  it("error: refuses DATABASE_MIGRATE=0 without DATABASE_URL (nothing else can migrate the embedded database)", () => {
    expect(() => createDbConfig({ DATABASE_MIGRATE: "0" })).toThrow(
      "Invalid database configuration: DATABASE_MIGRATE=0 needs DATABASE_URL (the embedded database is migrated by the process that opens it).",
    );
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
