import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DbError } from "./DbError.ts";
import { projectPaths } from "./projectPaths.ts";
import { runPrismaCli, summarizePrismaError } from "./runPrismaCli.ts";

/** Whether `generatePrismaClient` ran the generator or found the client up to date. */
export interface GenerateResult {
  generated: boolean;
  /** Where the client is: packages/db/src/generated/prisma. */
  output: string;
}

/**
 * Writes the Prisma client for prisma/schema.prisma into packages/db/src/generated/prisma (the build
 * calls this; the folder is gitignored). Skips the ~1.5 s generator when neither the schema nor the
 * Prisma version changed since the last run, so repeated builds stay fast; `force` regenerates anyway.
 *
 * Import it from `@luma-pulse/db/generatePrismaClient`: the package's main entry imports the
 * generated client, which does not exist before the first run.
 */
export async function generatePrismaClient(options: { force?: boolean } = {}): Promise<GenerateResult> {
  const paths = projectPaths();
  const output = paths.generatedClient;
  // Next to the output, not inside it: the generator owns (and may empty) its output folder.
  const hashFile = `${output}.sha256`;
  const hash = await inputsHash(paths.schema, paths.prismaCli);
  const upToDate =
    existsSync(join(output, "client.ts")) &&
    existsSync(hashFile) &&
    (await readFile(hashFile, "utf8")).trim() === hash;
  if (upToDate && !options.force) return { generated: false, output };

  const result = await runPrismaCli(["generate", "--config", paths.config]);
  if (result.exitCode !== 0) {
    throw new DbError("generate-failed", `prisma generate failed: ${summarizePrismaError(result)}`);
  }
  await mkdir(dirname(hashFile), { recursive: true });
  await writeFile(hashFile, `${hash}\n`);
  return { generated: true, output };
}

/** The schema's text plus the Prisma version: a Prisma upgrade must regenerate too. */
async function inputsHash(schemaPath: string, prismaCli: string): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  const packageJson = createRequire(prismaCli).resolve("prisma/package.json");
  const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version: string };
  return createHash("sha256").update(`prisma ${version}\n`).update(schema).digest("hex");
}
