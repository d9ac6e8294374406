import { assertManifestChain, type DeploymentManifest, readManifest } from "@luma-pulse/protocol";
import { createPublicClient, type PublicClient, type Transport } from "viem";
import { webSocketUrlOf } from "../indexer/watchNewHeads.ts";
import { assertContractCode } from "./assertContractCode.ts";
import { ChainSetupError } from "./ChainSetupError.ts";
import type { ChainConfig, ManifestSource } from "./createChainConfig.ts";
import { createChainTransport } from "./createChainTransport.ts";
import { describeRpcFailure } from "./describeRpcFailure.ts";
import { maskRpcUrl } from "./maskRpcUrl.ts";
import { probeRpcUrls } from "./probeRpcUrls.ts";

/** A chain the gateway may start on: every start-up check passed. */
export type ConnectedChain = {
  /** The deployment, its `rpcUrl` the primary RPC URL the gateway uses. */
  manifest: DeploymentManifest;
  /** For `startGateway({ chain })`: the RPC transport (with fallbacks) and the new-heads WebSocket. */
  transport: Transport;
  webSocketUrl: string | undefined;
  /** Where the deployment came from, for the start-up log: "manifest <path>" or "LUMA_CONTRACT_ADDRESSES". */
  manifestSource: string;
  /** The RPC URLs in use, masked for logs. */
  rpcUrls: string[];
};

type AddressesSource = Extract<ManifestSource, { kind: "addresses" }>;

/** Start-up probes fail fast: a node that does not answer in this long is reported, not waited for. */
const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

/**
 * The start-up checks of a standalone gateway, in the order an operator fixes them: the manifest
 * reads, an RPC answers, the RPC is on CHAIN_ID, the manifest is for the RPC's chain, and its
 * contracts have code there. Nothing keeps running afterwards.
 *
 * @throws {ManifestError | ChainSetupError} with a one-line message, URLs masked
 */
export async function connectChain(
  config: ChainConfig,
  options: { log: (message: string) => void; timeoutMs?: number },
): Promise<ConnectedChain> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const source = config.manifest;
  const loaded = source.kind === "file" ? { ...source, manifest: await readManifest(source.path) } : source;
  const rpcUrls = config.rpcUrls ?? (loaded.kind === "file" ? [loaded.manifest.rpcUrl] : []);
  const notHttp = rpcUrls.find((url) => !/^https?:/.test(url));
  if (notHttp !== undefined) {
    throw new ChainSetupError(
      "invalid-config",
      `The manifest's rpcUrl ${maskRpcUrl(notHttp)} is not http(s): set CHAIN_RPC_URLS to the chain's http(s) RPC.`,
    );
  }
  const rpcChainId = await probeRpcUrls(rpcUrls, { timeoutMs, log: options.log });
  if (config.chainId !== undefined && config.chainId !== rpcChainId) {
    throw new ChainSetupError(
      "wrong-chain",
      `CHAIN_ID=${config.chainId} but the chain RPC at ${maskRpcUrl(rpcUrls[0] ?? "")} is on chain ${rpcChainId}: ` +
        `point CHAIN_RPC_URLS at chain ${config.chainId}, or fix CHAIN_ID.`,
    );
  }
  const client = createPublicClient({
    transport: createChainTransport(rpcUrls, { timeoutMs }),
  }) as PublicClient;
  // The probe answered, but a later read may still fail (a node that drops some methods, a provider
  // over quota): viem's error would name the URL, key and all, so it becomes one masked line here.
  const reading = <T>(what: string, read: () => Promise<T>) =>
    read().catch((error: unknown) => {
      if (error instanceof ChainSetupError) throw error;
      throw new ChainSetupError(
        "unreachable",
        `The chain RPC at ${maskRpcUrl(rpcUrls[0] ?? "")} failed while ${what} ` +
          `(${describeRpcFailure(error, timeoutMs)}): check CHAIN_RPC_URLS (or the manifest's rpcUrl) and the node.`,
        { cause: error },
      );
    });
  const manifest =
    loaded.kind === "file"
      ? loaded.manifest
      : await reading("reading LUMA_START_BLOCK", () =>
          manifestFromAddresses(client, loaded, rpcUrls, rpcChainId),
        );
  assertManifestChain(manifest, rpcChainId);
  const manifestSource = source.kind === "file" ? `manifest ${source.path}` : "LUMA_CONTRACT_ADDRESSES";
  await reading("checking the contracts' code", () =>
    assertContractCode(
      client,
      manifest,
      source.kind === "file" ? `the manifest ${source.path}` : "LUMA_CONTRACT_ADDRESSES",
    ),
  );
  const [primary = manifest.rpcUrl] = rpcUrls;
  return {
    manifest: { ...manifest, rpcUrl: primary },
    transport: createChainTransport(rpcUrls),
    // Derived only for the manifest's own RPC URL (anvil serves WebSocket on its http port); a
    // provider's http URL rarely takes WebSocket at the same address, so configured URLs poll.
    webSocketUrl: config.webSocketUrl ?? (config.rpcUrls ? undefined : webSocketUrlOf(primary)),
    manifestSource,
    rpcUrls: rpcUrls.map(maskRpcUrl),
  };
}

/**
 * The manifest LUMA_CONTRACT_ADDRESSES describes. `deployedAt` is the start block's time (the
 * deployment's first block), and the launch time defaults to it: the gateway reads neither.
 */
async function manifestFromAddresses(
  client: PublicClient,
  { contracts, startBlock, launchTime }: AddressesSource,
  rpcUrls: readonly string[],
  chainId: number,
): Promise<DeploymentManifest> {
  const head = await client.getBlockNumber();
  if (startBlock > head) {
    throw new ChainSetupError(
      "wrong-chain",
      `LUMA_START_BLOCK=${startBlock} is above chain ${chainId}'s head (block ${head}): is it this chain's deployment block?`,
    );
  }
  const block = await client.getBlock({ blockNumber: startBlock });
  const deployedAt = new Date(Number(block.timestamp) * 1000);
  return {
    version: 1,
    chainId,
    rpcUrl: rpcUrls[0] ?? "",
    startBlock,
    deployedAt,
    launchTime: launchTime ?? deployedAt,
    contracts,
  };
}
