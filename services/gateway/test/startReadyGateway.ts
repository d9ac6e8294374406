import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import type { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";

/**
 * A gateway on a fresh PGlite for `chain`, returned once `/readyz` says the index caught up; it
 * stops after the file's tests.
 */
export async function startReadyGateway(
  chain: Awaited<ReturnType<typeof setupChain>>,
  // Extra settings (signing, protection…) on top of a fresh database, the chain's manifest, any port.
  options: Partial<Parameters<typeof startGateway>[0]> = {},
): Promise<RunningGateway> {
  const database = await setupDatabase();
  const gateway = await startGateway({
    database,
    manifest: chain.manifest,
    port: 0,
    log: () => {},
    ...options,
  });
  deferTeardown(() => gateway.stop());
  const deadline = Date.now() + 20_000;
  while ((await fetch(`${gateway.url}/readyz`)).status !== 200) {
    if (Date.now() > deadline)
      throw new Error(
        `the gateway did not become ready: ${await (await fetch(`${gateway.url}/readyz`)).text()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return gateway;
}
