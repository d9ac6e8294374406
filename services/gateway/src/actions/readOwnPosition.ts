import { optionStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { domainError } from "../errors/domainError.ts";
import type { PlanChain } from "./PlanChain.ts";
import { type ReadAtBlock, readAtLatest } from "./readAtLatest.ts";

/**
 * Checks, in one multicall at the latest block, that option position `positionId` exists
 * (UNKNOWN_POSITION) and is held by `account` (POSITION_NOT_OWNED); returns the block it was read at.
 */
export async function readOwnPosition(
  chain: PlanChain,
  account: Address,
  positionId: bigint,
): Promise<ReadAtBlock<unknown>> {
  const { optionStaking } = chain.manifest.contracts;
  const at = await readAtLatest(chain, [
    { address: optionStaking, abi: optionStakingAbi, functionName: "positionCount" },
    { address: optionStaking, abi: optionStakingAbi, functionName: "positionsOf", args: [account] },
  ]);
  const [count, owned] = at.values;
  const id = positionId.toString();
  if (positionId < 0n || positionId >= count) throw domainError("UNKNOWN_POSITION", { id });
  if (!owned.includes(positionId)) throw domainError("POSITION_NOT_OWNED", { id, account });
  return at;
}
