import { multicall3Abi } from "@luma-pulse/protocol/abis";
import type { ContractFunctionParameters, MulticallReturnType } from "viem";
import type { PlanChain } from "./PlanChain.ts";

/** Reads made together at one block, and which block that was. */
export type ReadAtBlock<T> = { blockNumber: bigint; timestamp: bigint; values: T };

/**
 * Reads `contracts` in one multicall (one eth_call) at the latest block, with that block's number
 * and timestamp from Multicall3 in the same call: the simulation then runs at exactly the block the
 * balances and allowances were read at, without another round trip to ask for the head.
 */
export async function readAtLatest<const contracts extends readonly ContractFunctionParameters[]>(
  { client, manifest }: PlanChain,
  contracts: contracts,
): Promise<ReadAtBlock<MulticallReturnType<contracts, false>>> {
  const clock = { address: manifest.contracts.multicall3, abi: multicall3Abi } as const;
  const [blockNumber, timestamp, ...values] = (await client.multicall({
    allowFailure: false,
    multicallAddress: manifest.contracts.multicall3,
    // One eth_call whatever the number of reads: split calls could land on different blocks.
    batchSize: 0,
    contracts: [
      { ...clock, functionName: "getBlockNumber" },
      { ...clock, functionName: "getCurrentBlockTimestamp" },
      ...(contracts as readonly ContractFunctionParameters[]),
    ],
  })) as unknown as [bigint, bigint, ...MulticallReturnType<contracts, false>];
  return { blockNumber, timestamp, values: values as unknown as MulticallReturnType<contracts, false> };
}
