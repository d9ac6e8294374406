import type { DeploymentManifest } from "@luma-pulse/protocol";
import { constantProductPoolAbi } from "@luma-pulse/protocol/abis";
import type { PublicClient } from "viem";

const POOLS = ["popLumaPool", "soraLumaPool", "lumaUsdtPool"] as const;
const SYMBOLS = { pop: "POP", luma: "LUMA", sora: "SORA", usdt: "USDT" } as const;

/**
 * Each pool's name in reserve order ("SORA/LUMA"), keyed by its lowercase address. The order is
 * read from the pools (token0/token1) rather than assumed, because reserve0 means token0's reserve
 * and another deployment may have created a pool the other way round.
 */
export async function readPoolNames(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
): Promise<Map<string, string>> {
  const symbolOf = new Map<string, string>(
    Object.entries(SYMBOLS).map(([name, symbol]) => [
      contracts[name as keyof typeof SYMBOLS].toLowerCase(),
      symbol,
    ]),
  );
  const entries = await Promise.all(
    POOLS.map(async (pool) => {
      const address = contracts[pool];
      const [token0, token1] = await Promise.all(
        (["token0", "token1"] as const).map((functionName) =>
          client.readContract({ address, abi: constantProductPoolAbi, functionName }),
        ),
      );
      const symbol = (token: string) => symbolOf.get(token.toLowerCase()) ?? token.toLowerCase();
      return [address.toLowerCase(), `${symbol(String(token0))}/${symbol(String(token1))}`] as const;
    }),
  );
  return new Map(entries);
}
