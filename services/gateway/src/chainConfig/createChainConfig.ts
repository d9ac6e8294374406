import { resolve } from "node:path";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import { z } from "zod";
import { ChainSetupError } from "./ChainSetupError.ts";
import { maskRpcUrl } from "./maskRpcUrl.ts";
import { parseContractAddresses } from "./parseContractAddresses.ts";

/** Where the deployment's contracts are described: a manifest file, or addresses given by env. */
export type ManifestSource =
  | { kind: "file"; path: string }
  | {
      kind: "addresses";
      contracts: DeploymentManifest["contracts"];
      /** The deployment's first block: indexing starts there. */
      startBlock: bigint;
      /** LUMA_LAUNCH_TIME; unset: the start block's time (the gateway reads neither, a manifest has both). */
      launchTime: Date | undefined;
    };

/** The chain the gateway reads, from the environment (see {@link createChainConfig}). */
export type ChainConfig = {
  manifest: ManifestSource;
  /** CHAIN_RPC_URLS: http(s) JSON-RPC URLs, the first primary and the others fallbacks; unset: the manifest's. */
  rpcUrls: string[] | undefined;
  /** CHAIN_WS_URL: ws(s) URL for new heads; unset: derived from the manifest's RPC URL only when CHAIN_RPC_URLS is unset. */
  webSocketUrl: string | undefined;
  /** CHAIN_ID: the chain the RPC and the manifest must both be on; unset: whatever the manifest says. */
  chainId: number | undefined;
  /** INDEXER_CONFIRMATIONS: blocks the indexer stays behind the head, so that reorgs rarely reach the index. */
  confirmations: number;
};

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what}` })
    .min(min, { error: `expected ${what} of at least ${min}` })
    .max(max, { error: `expected ${what} of at most ${max}` });

const chainIdSchema = wholeNumber("a chain id (a positive integer)", 1, Number.MAX_SAFE_INTEGER);
const confirmationsSchema = wholeNumber("a number of blocks", 0, 1000);
const startBlockSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)$/, { error: "expected a block number, like 19000000" });
const launchTimeSchema = z.iso.datetime({
  offset: true,
  error: "expected an ISO 8601 date-time like 2025-12-14T00:00:00Z",
});

/** Why `url` is not a URL of `protocols` (e.g. ["http:", "https:"], named `kind`), or undefined when it is. */
function urlProblem(url: string, protocols: string[], kind: string): string | undefined {
  if (!URL.canParse(url)) return `"${maskRpcUrl(url)}" is not a URL (expected ${kind}…)`;
  const parsed = new URL(url);
  if (!protocols.includes(parsed.protocol)) return `"${maskRpcUrl(url)}" is not a ${kind} URL`;
  if (parsed.hostname === "") return `"${maskRpcUrl(url)}" has no host`;
  return undefined;
}

/**
 * Reads the chain settings: LUMA_MANIFEST (default `<LUMA_DATA_DIR or .data>/devnet/manifest.json`,
 * what `npm run devnet` writes) or LUMA_CONTRACT_ADDRESSES + LUMA_START_BLOCK (+ LUMA_LAUNCH_TIME);
 * CHAIN_RPC_URLS, CHAIN_WS_URL, CHAIN_ID, INDEXER_CONFIRMATIONS. Nothing is contacted here (see
 * `connectChain`).
 *
 * @throws {ChainSetupError} `invalid-config`, one line per bad variable, naming it; URLs masked
 */
export function createChainConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ChainConfig {
  const problems: string[] = [];
  const invalid = (name: string, problem: string) => problems.push(`${name} is invalid: ${problem}.`);
  const parse = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const value = text(env[name]);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    invalid(name, `${parsed.error.issues[0]?.message}, got "${value}"`);
    return undefined;
  };

  const rpcUrls = text(env.CHAIN_RPC_URLS)
    ?.split(",")
    .map((url) => url.trim())
    .filter((url) => url !== "");
  rpcUrls?.forEach((url, index) => {
    const problem = urlProblem(url, ["http:", "https:"], "http(s)://");
    if (problem) invalid("CHAIN_RPC_URLS", rpcUrls.length > 1 ? `URL ${index + 1} ${problem}` : problem);
  });
  const webSocketUrl = text(env.CHAIN_WS_URL);
  const wsProblem = webSocketUrl && urlProblem(webSocketUrl, ["ws:", "wss:"], "ws(s)://");
  if (wsProblem) invalid("CHAIN_WS_URL", wsProblem);
  const chainId = parse("CHAIN_ID", chainIdSchema);
  const confirmations = parse("INDEXER_CONFIRMATIONS", confirmationsSchema) ?? 0;

  const manifestPath = text(env.LUMA_MANIFEST);
  const addresses = text(env.LUMA_CONTRACT_ADDRESSES);
  const startBlock = parse("LUMA_START_BLOCK", startBlockSchema);
  const launchTime = parse("LUMA_LAUNCH_TIME", launchTimeSchema);
  let manifest: ManifestSource = {
    kind: "file",
    path: resolve(
      cwd,
      manifestPath ?? resolve(cwd, text(env.LUMA_DATA_DIR) ?? ".data", "devnet/manifest.json"),
    ),
  };
  if (addresses === undefined) {
    for (const name of ["LUMA_START_BLOCK", "LUMA_LAUNCH_TIME"])
      if (text(env[name]) !== undefined)
        problems.push(`${name} is only read with LUMA_CONTRACT_ADDRESSES (a manifest has its own).`);
  } else if (manifestPath !== undefined) {
    problems.push("Set either LUMA_MANIFEST or LUMA_CONTRACT_ADDRESSES (with LUMA_START_BLOCK), not both.");
  } else {
    const parsed = parseContractAddresses(addresses);
    if ("problem" in parsed) invalid("LUMA_CONTRACT_ADDRESSES", parsed.problem);
    if (text(env.LUMA_START_BLOCK) === undefined)
      problems.push(
        "LUMA_START_BLOCK is required with LUMA_CONTRACT_ADDRESSES: the block the protocol was deployed in.",
      );
    if (rpcUrls === undefined || rpcUrls.length === 0)
      problems.push(
        "CHAIN_RPC_URLS is required with LUMA_CONTRACT_ADDRESSES (no manifest gives an RPC URL).",
      );
    if ("contracts" in parsed && startBlock !== undefined)
      manifest = {
        kind: "addresses",
        contracts: parsed.contracts,
        startBlock: BigInt(startBlock),
        launchTime: launchTime === undefined ? undefined : new Date(launchTime),
      };
  }

  if (problems.length > 0) throw new ChainSetupError("invalid-config", problems.join("\n"));
  return {
    manifest,
    rpcUrls: rpcUrls?.length ? rpcUrls : undefined,
    webSocketUrl,
    chainId,
    confirmations,
  };
}
