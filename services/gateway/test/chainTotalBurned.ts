import { soraAbi } from "@luma-pulse/protocol/abis";
import type { setupChain } from "./setupChain.ts";

/** The SORA contract's own `totalBurned`, at the chain's head. */
export async function chainTotalBurned({
  deployer,
  manifest,
}: Pick<Awaited<ReturnType<typeof setupChain>>, "deployer" | "manifest">): Promise<bigint> {
  return deployer.readContract({
    address: manifest.contracts.sora,
    abi: soraAbi,
    functionName: "totalBurned",
  });
}
