import { advanceChainBy, confirm } from "@luma-pulse/devnet";
import { feeBuybackAbi } from "@luma-pulse/protocol/abis";
import { maxUint256, parseUnits } from "viem";
import type { setupChain } from "./setupChain.ts";

const DAY = 86_400n;
const e18 = (value: string) => parseUnits(value, 18);

/** One of everything the schema has a table for, from real member actions. */
export async function memberActivity({
  actors,
  deployer,
  members,
  manifest,
}: Awaited<ReturnType<typeof setupChain>>): Promise<void> {
  const { alice, bob, keeper } = members;
  const position = await actors.optionStake(alice, e18("1000"));
  await advanceChainBy(deployer, 2n * DAY);
  await actors.claim(alice, position);
  await advanceChainBy(deployer, DAY);
  await actors.releaseEarly(alice, position);
  await actors.rebaseIfDue();
  await actors.rebaseStake(bob, parseUnits("20000", 6));
  await advanceChainBy(deployer, DAY);
  await actors.rebaseIfDue();
  // 2% of ~20,000 LUMA: half of the fee is more than the 100 LUMA buyback threshold.
  await actors.unstake(bob, maxUint256);
  await actors.buyback(keeper);
  await actors.buySora(alice, e18("0.001"));
  await actors.sellSora(alice, (await actors.read.balance(manifest.contracts.sora, alice)) / 2n);
  await confirm(
    deployer,
    await deployer.writeContract({
      address: manifest.contracts.feeBuyback,
      abi: feeBuybackAbi,
      functionName: "setBuybackThreshold",
      args: [e18("50")],
    }),
  );
}
