import { optionStakingAbi, rebaseStakingAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import type { OpenPosition } from "../actors/OpenPosition.ts";
import type { DevnetClient } from "../createDevnetClient.ts";
import type { ProtocolAddresses } from "../deploy/deployProtocol.ts";

export type SimulatorState = {
  positions: OpenPosition[];
  rebaseStakers: Set<Address>;
  quotaHolders: Set<Address>;
};

/**
 * Rebuilds what the simulator needs to know from the chain itself (with multicall), so it works the
 * same on a freshly seeded devnet and on one reloaded from a previous `npm start`.
 */
export async function loadSimulatorState(
  client: DevnetClient,
  a: ProtocolAddresses,
  members: readonly Address[],
): Promise<SimulatorState> {
  const count = await client.readContract({
    address: a.optionStaking,
    abi: optionStakingAbi,
    functionName: "positionCount",
  });
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const positions = await client.multicall({
    allowFailure: false,
    contracts: ids.map(
      (id) =>
        ({
          address: a.optionStaking,
          abi: optionStakingAbi,
          functionName: "getPosition",
          args: [id],
        }) as const,
    ),
  });
  const balances = await client.multicall({
    allowFailure: false,
    contracts: members.flatMap((member) => [
      { address: a.rebaseStaking, abi: rebaseStakingAbi, functionName: "balanceOf", args: [member] } as const,
      { address: a.soraLumaPool, abi: soraLumaPoolAbi, functionName: "quotaOf", args: [member] } as const,
    ]),
  });
  const rebaseStakers = new Set<Address>();
  const quotaHolders = new Set<Address>();
  members.forEach((member, i) => {
    if ((balances[2 * i] ?? 0n) > 0n) rebaseStakers.add(member);
    if ((balances[2 * i + 1] ?? 0n) > 0n) quotaHolders.add(member);
  });
  return {
    positions: positions.map((p, i) => ({ id: BigInt(i), owner: p.owner, popAmount: p.popAmount })),
    rebaseStakers,
    quotaHolders,
  };
}
