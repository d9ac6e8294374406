import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `eth_chainId` until the node answers and returns the chain id. `signal` abandons the
 * wait at once, even mid-request (the caller aborts it when anvil exits); `timeoutMs` bounds it.
 *
 * @returns the chain id, or undefined when aborted or timed out
 */
export async function waitForChainId(
  rpcUrl: string,
  options: { timeoutMs: number; intervalMs: number; signal: AbortSignal },
): Promise<number | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline && !options.signal.aborted) {
    const chainId = await tryChainId(rpcUrl, options.signal);
    if (chainId !== undefined) return chainId;
    await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
  }
  return undefined;
}

async function tryChainId(rpcUrl: string, signal: AbortSignal): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      // Per request too: something that accepts connections but never answers must not stall us.
      signal: AbortSignal.any([signal, AbortSignal.timeout(1_000)]),
    });
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === "string" ? Number(BigInt(body.result)) : undefined;
  } catch {
    return undefined; // not listening yet, or aborted
  }
}
