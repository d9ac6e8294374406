import { fallback, http, type Transport } from "viem";

/**
 * The gateway's JSON-RPC transport: batched http (the indexer fetches block headers in parallel
 * slices), and with several URLs viem's `fallback` trying them in the given order on every request
 * (`rank: false`: the operator's first URL is the one paid for; a dead one costs a failed attempt).
 *
 * @param options.timeoutMs - per request (viem's default 10 s); the start-up probe uses a short one
 */
export function createChainTransport(
  urls: readonly string[],
  options: { timeoutMs?: number } = {},
): Transport {
  const [first, ...others] = urls;
  if (first === undefined) throw new Error("createChainTransport needs at least one RPC URL");
  const transport = (url: string) => http(url, { batch: true, timeout: options.timeoutMs });
  if (others.length === 0) return transport(first);
  return fallback(urls.map(transport), { rank: false });
}
