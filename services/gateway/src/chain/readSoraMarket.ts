import type { DeploymentManifest } from "@luma-pulse/protocol";
import { constantProductPoolAbi, soraAbi } from "@luma-pulse/protocol/abis";
import type { PublicClient } from "viem";

export type SoraMarket = {
  totalSupply: bigint;
  totalBurned: bigint;
  /** SORA/LUMA pool reserves: [SORA, LUMA]. */
  soraLumaReserves: readonly [bigint, bigint];
  /** LUMA/USDT pool reserves: [LUMA, USDT]. */
  lumaUsdtReserves: readonly [bigint, bigint];
};

/** SORA's supply and the two pools that price it, in one multicall at `blockNumber`. */
export async function readSoraMarket(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
  blockNumber: bigint,
): Promise<SoraMarket> {
  const [totalSupply, totalBurned, soraLumaReserves, lumaUsdtReserves] = await client.multicall({
    allowFailure: false,
    blockNumber,
    multicallAddress: contracts.multicall3,
    contracts: [
      { address: contracts.sora, abi: soraAbi, functionName: "totalSupply" },
      { address: contracts.sora, abi: soraAbi, functionName: "totalBurned" },
      { address: contracts.soraLumaPool, abi: constantProductPoolAbi, functionName: "getReserves" },
      { address: contracts.lumaUsdtPool, abi: constantProductPoolAbi, functionName: "getReserves" },
    ],
  });
  return { totalSupply, totalBurned, soraLumaReserves, lumaUsdtReserves };
}
