import { createPublicClient, http } from "viem";
import { ChainSetupError } from "./ChainSetupError.ts";
import { describeRpcFailure } from "./describeRpcFailure.ts";
import { maskRpcUrl } from "./maskRpcUrl.ts";

/**
 * Asks every RPC URL for its chain id (once, `timeoutMs` each, in parallel) and returns the chain
 * they are on. Some not answering is logged and tolerated (the fallbacks are there for that); none
 * answering, or answering for different chains, is refused.
 *
 * @throws {ChainSetupError} `unreachable` or `wrong-chain`
 */
export async function probeRpcUrls(
  urls: readonly string[],
  options: { timeoutMs: number; log: (message: string) => void },
): Promise<number> {
  const { timeoutMs, log } = options;
  type Answer = { url: string; chainId: number } | { url: string; failure: string };
  const answers = await Promise.all(
    urls.map(async (url): Promise<Answer> => {
      const client = createPublicClient({ transport: http(url, { timeout: timeoutMs, retryCount: 0 }) });
      try {
        return { url, chainId: await client.getChainId() };
      } catch (error) {
        return { url, failure: describeRpcFailure(error, timeoutMs) };
      }
    }),
  );
  const alive = answers.flatMap((answer) => ("chainId" in answer ? [answer] : []));
  const dead = answers.flatMap((answer) => ("failure" in answer ? [answer] : []));
  const listed = (list: { url: string; failure: string }[]) =>
    list.map(({ url, failure }) => `${maskRpcUrl(url)} (${failure})`).join(", ");
  const [first] = alive;
  if (first === undefined) {
    const where = urls.length === 1 ? "the chain RPC at" : "any chain RPC:";
    throw new ChainSetupError(
      "unreachable",
      `Cannot reach ${where} ${listed(dead)}: check CHAIN_RPC_URLS (or the manifest's rpcUrl) and that the node runs.`,
    );
  }
  if (dead.length > 0) log(`chain: RPC not answering, using the fallbacks meanwhile: ${listed(dead)}`);
  const other = alive.find((answer) => answer.chainId !== first.chainId);
  if (other) {
    throw new ChainSetupError(
      "wrong-chain",
      `CHAIN_RPC_URLS point at different chains: ${maskRpcUrl(first.url)} is on chain ${first.chainId}, ` +
        `${maskRpcUrl(other.url)} on chain ${other.chainId}.`,
    );
  }
  return first.chainId;
}
