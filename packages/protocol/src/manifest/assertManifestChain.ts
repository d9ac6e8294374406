import { ManifestError } from "./ManifestError.ts";
import type { DeploymentManifest } from "./manifestSchema.ts";

/**
 * Guards against reading one chain with another chain's manifest (e.g. a devnet manifest while
 * the RPC points at PopChain), which would otherwise surface as baffling reverts or empty reads.
 *
 * @param actualChainId - what the RPC reports (`eth_chainId`)
 * @throws {ManifestError} `wrong_chain`
 */
export function assertManifestChain(manifest: DeploymentManifest, actualChainId: number): void {
  if (manifest.chainId === actualChainId) return;
  throw new ManifestError(
    "wrong_chain",
    `The deployment manifest is for chain ${manifest.chainId}, but the RPC is on chain ${actualChainId}. ` +
      `Point the RPC at chain ${manifest.chainId}, or set LUMA_MANIFEST to this chain's manifest.`,
  );
}
