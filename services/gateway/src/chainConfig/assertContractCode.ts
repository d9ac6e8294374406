import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import { ChainSetupError } from "./ChainSetupError.ts";

/**
 * Refuses a deployment whose contracts have no code on the chain: a manifest (or addresses) of
 * another network, or a devnet reset since the manifest was written. Caught here, it is one line at
 * start instead of every answer failing later with baffling reverts.
 *
 * @param source - names where the addresses came from, e.g. "the manifest /data/manifest.json"
 * @throws {ChainSetupError} `no-contract-code`
 */
export async function assertContractCode(
  client: PublicClient,
  manifest: DeploymentManifest,
  source: string,
): Promise<void> {
  const contracts = Object.entries(manifest.contracts);
  const codes = await Promise.all(contracts.map(([, address]) => client.getCode({ address })));
  const empty = contracts.filter((_, index) => (codes[index] ?? "0x") === "0x");
  const [name, address] = empty[0] ?? [];
  if (name === undefined) return;
  const more = empty.length > 1 ? ` (and ${empty.length - 1} more of the ${contracts.length} contracts)` : "";
  throw new ChainSetupError(
    "no-contract-code",
    `No contract code for ${name} at ${address} on chain ${manifest.chainId}${more}: ` +
      `${source} is for another network, or the chain was reset since it was deployed.`,
  );
}
