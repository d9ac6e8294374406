import { generatePrismaClient } from "@luma-pulse/db/generatePrismaClient";
import { compileContracts } from "../contracts/compileContracts.ts";
import { buildSigningPage } from "../services/signing-page/buildSigningPage.ts";

/**
 * `npm run build`: everything generated from sources (contract ABIs and bytecode, the Prisma
 * client, the signing page's bundle). Each step skips itself when its sources have not changed,
 * so it is cheap to repeat.
 */
export async function build(log: (message: string) => void = console.log): Promise<void> {
  const timed = async <T>(label: string, step: () => T | Promise<T>, describe: (result: T) => string) => {
    const started = performance.now();
    const result = await step();
    log(`build: ${label} ${describe(result)} (${Math.round(performance.now() - started)} ms)`);
  };
  await timed("contracts", compileContracts, (r) => (r.compiled ? "compiled" : "up to date"));
  await timed(
    "prisma client",
    () => generatePrismaClient(),
    (r) => (r.generated ? "generated" : "up to date"),
  );
  // After the contracts: the page bundles the generated ABIs.
  await timed(
    "signing page",
    () => buildSigningPage(),
    (r) => (r.built ? "bundled" : "up to date"),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await build().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
