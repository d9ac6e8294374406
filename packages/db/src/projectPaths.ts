import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the database layer's files live, derived from this file's location (packages/db/src). */
export interface ProjectPaths {
  /** The repository root: the Prisma CLI runs there so that prisma.config.ts's relative paths hold. */
  root: string;
  /** The Prisma CLI configuration (prisma.config.ts). */
  config: string;
  /** prisma/schema.prisma. */
  schema: string;
  /** prisma/migrations, one folder per migration. */
  migrations: string;
  /** Where `prisma generate` writes the client (gitignored, produced by the build). */
  generatedClient: string;
  /** The Prisma CLI's entry point, run with `node`. */
  prismaCli: string;
}

/** The paths of the repository's Prisma files and of the installed Prisma CLI. */
export function projectPaths(): ProjectPaths {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  return {
    root,
    config: join(root, "prisma.config.ts"),
    schema: join(root, "prisma", "schema.prisma"),
    migrations: join(root, "prisma", "migrations"),
    generatedClient: join(root, "packages", "db", "src", "generated", "prisma"),
    prismaCli: createRequire(import.meta.url).resolve("prisma/build/index.js"),
  };
}
