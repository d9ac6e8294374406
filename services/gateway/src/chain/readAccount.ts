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
  soraQuota: bigint;
  positions: AccountPosition[];
};

/**
 * Everything about one wallet at `blockNumber` in two multicalls: balances, sLUMA, SORA quota and
 * the ids of its option positions; then every position's terms and live state.
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
  const [pop, luma, sora, usdt, sLuma, rebaseShares, soraQuota, ids] = await client.multicall({
    ...call,
    contracts: [
      balanceOf(contracts.pop),
      balanceOf(contracts.luma),
      balanceOf(contracts.sora),
      balanceOf(contracts.usdt),
      { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "balanceOf", args: [account] },
      { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "sharesOf", args: [account] },
      { address: contracts.soraLumaPool, abi: soraLumaPoolAbi, functionName: "quotaOf", args: [account] },
      {
        address: contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionsOf",
        args: [account],
      },
    ],
  });
  const details = ids.length
    ? await client.multicall({
        ...call,
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
      })
    : [];
  const positions = ids.map((id, i) => ({
    id,
    position: details[2 * i] as AccountPosition["position"],
    state: details[2 * i + 1] as AccountPosition["state"],
  }));
  return { balances: { pop, luma, sora, usdt, sLuma }, rebaseShares, soraQuota, positions };
}
