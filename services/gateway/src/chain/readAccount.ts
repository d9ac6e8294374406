import type { DeploymentManifest } from "@luma-pulse/protocol";
import { optionStakingAbi, rebaseStakingAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import { type Address, type ContractFunctionReturnType, erc20Abi, type PublicClient } from "viem";

export type AccountPosition = {
  id: bigint;
  position: ContractFunctionReturnType<typeof optionStakingAbi, "view", "getPosition">;
  state: ContractFunctionReturnType<typeof optionStakingAbi, "view", "positionState">;
};

export type AccountSnapshot = {
  balances: { pop: bigint; luma: bigint; sora: bigint; usdt: bigint; sLuma: bigint };
  rebaseShares: bigint;
  /** RebaseStaking's index (1e18 = 1.0): sLUMA = shares × index / 1e36. */
  rebaseIndex: bigint;
  soraQuota: bigint;
  positions: AccountPosition[];
};

/**
 * Everything about one wallet at `blockNumber` in two multicalls whatever its number of positions:
 * balances, sLUMA (shares and index), SORA quota and the ids of its option positions; then every
 * position's terms and live state ({@link readPositions}).
 */
export async function readAccount(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
  account: Address,
  blockNumber: bigint,
): Promise<AccountSnapshot> {
  const call = { allowFailure: false, blockNumber, multicallAddress: contracts.multicall3 } as const;
  const balanceOf = (address: Address) =>
    ({ address, abi: erc20Abi, functionName: "balanceOf", args: [account] }) as const;
  const [pop, luma, sora, usdt, sLuma, rebaseShares, rebaseIndex, soraQuota, ids] = await client.multicall({
    ...call,
    contracts: [
      balanceOf(contracts.pop),
      balanceOf(contracts.luma),
      balanceOf(contracts.sora),
      balanceOf(contracts.usdt),
      { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "balanceOf", args: [account] },
      { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "sharesOf", args: [account] },
      { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "index" },
      { address: contracts.soraLumaPool, abi: soraLumaPoolAbi, functionName: "quotaOf", args: [account] },
      {
        address: contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionsOf",
        args: [account],
      },
    ],
  });
  const positions = await readPositions(client, contracts, ids, blockNumber);
  return { balances: { pop, luma, sora, usdt, sLuma }, rebaseShares, rebaseIndex, soraQuota, positions };
}

// viem splits a multicall into eth_calls of 1 KB of calldata by default (14 positions each, as both
// reads of a position take 36 bytes), so a large wallet cost many eth_calls. A position costs about
// 33k gas to read (measured: 9.8M for 300), so 400 per eth_call (~13M) stays well inside a node's
// usual eth_call gas cap (30M on anvil, 50M on geth): one eth_call up to 400 positions.
const CALLDATA_BYTES = 36;
const POSITIONS_PER_CALL = 400;

/**
 * The terms and live state of existing positions `ids` at `blockNumber`, in one multicall: one
 * eth_call per 400 positions, none for no ids. An unknown id reverts the read: check it against
 * `positionCount` first.
 */
export async function readPositions(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
  ids: readonly bigint[],
  blockNumber: bigint,
): Promise<AccountPosition[]> {
  if (ids.length === 0) return [];
  const details = await client.multicall({
    allowFailure: false,
    blockNumber,
    batchSize: POSITIONS_PER_CALL * 2 * CALLDATA_BYTES,
    multicallAddress: contracts.multicall3,
    contracts: ids.flatMap((id) => [
      {
        address: contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "getPosition",
        args: [id],
      } as const,
      {
        address: contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionState",
        args: [id],
      } as const,
    ]),
  });
  return ids.map((id, i) => ({
    id,
    position: details[2 * i] as AccountPosition["position"],
    state: details[2 * i + 1] as AccountPosition["state"],
  }));
}

/** The number of option positions ever opened (ids are 0 … count − 1) at `blockNumber`. */
export function readPositionCount(
  client: PublicClient,
  contracts: DeploymentManifest["contracts"],
  blockNumber: bigint,
): Promise<bigint> {
  return client.readContract({
    address: contracts.optionStaking,
    abi: optionStakingAbi,
    functionName: "positionCount",
    blockNumber,
  });
}
