import { chainNameOf } from "./chainNames.ts";

/** The chain as the signing page gives it to a wallet (`wallet_addEthereumChain`). */
export type PublicChain = { id: number; name: string; rpcUrl: string | null };

/** Hosts that only ever mean this machine: a local devnet's RPC URL is no secret and no internal name. */
const isLoopbackHost = (hostname: string) =>
  hostname === "localhost" ||
  hostname.endsWith(".localhost") ||
  hostname === "[::1]" ||
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/** Whether `url` is an http(s) URL on a loopback host (the devnet), which may be shown to wallets. */
export function isLoopbackHttpUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (protocol === "http:" || protocol === "https:") && isLoopbackHost(hostname);
}

/**
 * The chain info an intent publishes. The RPC URL is PUBLIC_RPC_URL when set; otherwise the gateway's
 * own RPC URL only when it is the devnet's (http(s) on a loopback host); otherwise null: that URL may
 * carry a provider's key, name a docker-internal host, or be ws://, none of which belongs in a
 * member's wallet, and the page then asks the wallet to switch to a chain it already knows.
 */
export function publicChainOf(
  chainId: number,
  nodeRpcUrl: string,
  settings: { publicRpcUrl?: string | undefined; publicChainName?: string | undefined },
): PublicChain {
  return {
    id: chainId,
    name: settings.publicChainName ?? chainNameOf(chainId),
    rpcUrl: settings.publicRpcUrl ?? (isLoopbackHttpUrl(nodeRpcUrl) ? nodeRpcUrl : null),
  };
}
