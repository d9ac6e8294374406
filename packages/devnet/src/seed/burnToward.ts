import { getAmountIn } from "@luma-pulse/protocol";
import { feeBuybackAbi, optionStakingAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import type { DevnetActors } from "../actors/createDevnetActors.ts";
import type { Random } from "../actors/createRandom.ts";
import type { OpenPosition } from "../actors/OpenPosition.ts";

/**
 * Drives SORA burns up to `target` the way the protocol burns: members release rewards early, part
 * of each fee waits in the buyback, and a keeper triggers the buyback once it passes the threshold.
 * A release is only chosen when its fee cannot push the next buyback past `hardCap`, so the final
 * exact figure can be reached with one sell. Returns the burned total it reached.
 */
export async function burnToward(options: {
  actors: DevnetActors;
  random: Random;
  positions: readonly OpenPosition[];
  keeper: Address;
  target: bigint;
  hardCap: bigint;
  maxReleases: number;
}): Promise<bigint> {
  const { actors, random, positions } = options;
  const a = actors.addresses;
  const threshold = await actors.read.buybackThreshold();
  const shareBps = await actors.client.readContract({
    address: a.feeBuyback,
    abi: feeBuybackAbi,
    functionName: "buybackShareBps",
  });
  let burned = await actors.read.soraBurned();
  for (let releases = 0; burned < options.target && releases < options.maxReleases; releases++) {
    const pending = await actors.read.pendingBuyback();
    const lumaForRoom = await lumaToBuy(actors, options.hardCap - burned);
    if (pending >= threshold) {
      if (pending > lumaForRoom) break;
      await actors.buyback(options.keeper);
      burned = await actors.read.soraBurned();
      continue;
    }
    const maxFee = lumaForRoom > pending ? ((lumaForRoom - pending) * 10_000n) / shareBps : 0n;
    const fees = await actors.client.multicall({
      allowFailure: false,
      contracts: positions.map(
        (p) =>
          ({
            address: a.optionStaking,
            abi: optionStakingAbi,
            functionName: "positionState",
            args: [p.id],
          }) as const,
      ),
    });
    const eligible = positions.filter((_, i) => {
      const fee = fees[i]?.earlyReleaseFee ?? 0n;
      return fee > 0n && fee <= maxFee;
    });
    if (eligible.length === 0) break;
    const position = random.pick(eligible);
    await actors.releaseEarly(position.owner, position.id);
  }
  return burned;
}

/** LUMA that, swapped into the SORA/LUMA pool, buys `soraOut` SORA. */
async function lumaToBuy(actors: DevnetActors, soraOut: bigint): Promise<bigint> {
  if (soraOut <= 0n) return 0n;
  const [soraReserve, lumaReserve] = await actors.read.reserves(actors.addresses.soraLumaPool);
  return soraOut >= soraReserve ? 2n ** 255n : getAmountIn(soraOut, lumaReserve, soraReserve);
}
