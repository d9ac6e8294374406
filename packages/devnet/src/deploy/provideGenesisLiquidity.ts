import { DEAD_ADDRESS, SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import { constantProductPoolAbi, mintableTokenAbi, optionStakingAbi } from "@luma-pulse/protocol/abis";
import { type Address, erc20Abi, parseUnits } from "viem";
import { confirm, type DevnetClient } from "../createDevnetClient.ts";
import type { ProtocolAddresses } from "./deployProtocol.ts";

/**
 * Launch-day pools. With LUMA at $1, 52,500 LUMA against all 210,000,000 SORA prices SORA at the
 * real launch price of $0.00025; POP starts at 0.5 LUMA. All genesis LP goes to the dead address.
 */
export const genesisLiquidity = {
  soraLuma: { sora: SORA_MAX_SUPPLY, luma: parseUnits("52500", 18) },
  lumaUsdt: { luma: parseUnits("2000000", 18), usdt: parseUnits("2000000", 6) },
  popLuma: { pop: parseUnits("4000000", 18), luma: parseUnits("2000000", 18) },
} as const;

export async function provideGenesisLiquidity(client: DevnetClient, a: ProtocolAddresses): Promise<void> {
  const owner = client.account.address;
  const g = genesisLiquidity;
  const mint = async (token: Address, amount: bigint) =>
    confirm(
      client,
      await client.writeContract({
        address: token,
        abi: mintableTokenAbi,
        functionName: "mint",
        args: [owner, amount],
      }),
    );
  const addLiquidity = async (pool: Address, t0: Address, a0: bigint, t1: Address, a1: bigint) => {
    for (const [token, amount] of [
      [t0, a0],
      [t1, a1],
    ] as const) {
      await confirm(
        client,
        await client.writeContract({
          address: token,
          abi: erc20Abi,
          functionName: "approve",
          args: [pool, amount],
        }),
      );
    }
    await confirm(
      client,
      await client.writeContract({
        address: pool,
        abi: constantProductPoolAbi,
        functionName: "addLiquidity",
        args: [a0, a1, DEAD_ADDRESS],
      }),
    );
  };
  await mint(a.luma, g.soraLuma.luma + g.lumaUsdt.luma + g.popLuma.luma);
  await mint(a.usdt, g.lumaUsdt.usdt);
  await mint(a.pop, g.popLuma.pop);
  await addLiquidity(a.soraLumaPool, a.sora, g.soraLuma.sora, a.luma, g.soraLuma.luma);
  await addLiquidity(a.lumaUsdtPool, a.luma, g.lumaUsdt.luma, a.usdt, g.lumaUsdt.usdt);
  await addLiquidity(a.popLumaPool, a.pop, g.popLuma.pop, a.luma, g.popLuma.luma);
  // Start option staking's POP price average now that the pool has a price.
  await confirm(
    client,
    await client.writeContract({
      address: a.optionStaking,
      abi: optionStakingAbi,
      functionName: "updateOracle",
    }),
  );
}
