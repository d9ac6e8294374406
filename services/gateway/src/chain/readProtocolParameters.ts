import type { DeploymentManifest, ProtocolParameters } from "@luma-pulse/protocol";
import { feeBuybackAbi, optionStakingAbi, rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import type { PublicClient } from "viem";
import type { BlockSnapshot } from "./createBlockSnapshot.ts";

/** Every owner-settable parameter, live from the chain in one multicall, at `blockNumber`. */
export async function readProtocolParameters(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
  blockNumber: bigint,
): Promise<ProtocolParameters> {
  const option = (
    functionName: "dailyRateBps" | "capBps" | "releasePeriod" | "earlyFeeBps" | "soraQuotaBps",
  ) => ({ address: contracts.optionStaking, abi: optionStakingAbi, functionName }) as const;
  const rebase = (functionName: "epochLength" | "rebaseRateBps" | "claimFeeBps") =>
    ({ address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName }) as const;
  const fees = (functionName: "buybackShareBps" | "buybackThreshold") =>
    ({ address: contracts.feeBuyback, abi: feeBuybackAbi, functionName }) as const;
  const [
    dailyRateBps,
    capBps,
    releasePeriod,
    earlyFeeBps,
    soraQuotaBps,
    epochLength,
    rebaseRateBps,
    claimFeeBps,
    buybackShareBps,
    buybackThreshold,
  ] = await client.multicall({
    allowFailure: false,
    blockNumber,
    multicallAddress: contracts.multicall3,
    contracts: [
      option("dailyRateBps"),
      option("capBps"),
      option("releasePeriod"),
      option("earlyFeeBps"),
      option("soraQuotaBps"),
      rebase("epochLength"),
      rebase("rebaseRateBps"),
      rebase("claimFeeBps"),
      fees("buybackShareBps"),
      fees("buybackThreshold"),
    ],
  });
  return {
    option: { dailyRateBps, capBps, releasePeriod, earlyFeeBps, soraQuotaBps },
    rebase: { epochLength, rebaseRateBps, claimFeeBps },
    fees: { buybackShareBps, buybackThreshold },
  };
}

/**
 * {@link readProtocolParameters} at `snapshot`'s block, loaded once per block for every request
 * (the `protocol` and `yields` queries share it).
 */
export function readProtocolParametersAt(
  snapshot: BlockSnapshot,
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
): Promise<ProtocolParameters> {
  return snapshot.chain("protocolParameters", (at) => readProtocolParameters(client, contracts, at.number));
}
