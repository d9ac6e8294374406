import { createDevnetClient } from "@luma-pulse/devnet";
import { encodeSignableCall, type SignableCall } from "@luma-pulse/protocol";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import { type Address, getAddress, type Hash } from "viem";
import type { PlanStep, TransactionPlan } from "../src/actions/TransactionPlan.ts";
import type { setupChain } from "./setupChain.ts";

type Chain = Awaited<ReturnType<typeof setupChain>>;

/** A plan step for `call` as the plan builders make one: calldata from encodeSignableCall. */
export function planStep(chain: Chain, kind: PlanStep["kind"], call: SignableCall, gas = 500_000n): PlanStep {
  const to = getAddress(chain.manifest.contracts[call.contract]);
  return { kind, call, to, data: encodeSignableCall(call), value: 0n, gas };
}

/** LUMA approval of Rebase staking for `amount`: the first step of staking LUMA. */
export const approveLumaStep = (chain: Chain, amount: bigint) =>
  planStep(chain, "approve", {
    contract: "luma",
    functionName: "approve",
    args: [getAddress(chain.manifest.contracts.rebaseStaking), amount.toString()],
  });

export const stakeLumaStep = (chain: Chain, amount: bigint) =>
  planStep(chain, "action", { contract: "rebaseStaking", functionName: "stake", args: [amount.toString()] });

/**
 * A hand-built "stake LUMA" plan for `account`, as part A's builder would make it (the steps are real
 * encodeSignableCall calls): by default approve then stake; `steps` replaces them.
 */
export async function stakeLumaPlan(
  chain: Chain,
  account: Address,
  amount: bigint,
  steps: PlanStep[] = [approveLumaStep(chain, amount), stakeLumaStep(chain, amount)],
): Promise<TransactionPlan> {
  return {
    action: "stakeLuma",
    chainId: chain.manifest.chainId,
    account,
    input: { amount: (amount / 10n ** 18n).toString(), resolved: { raw: amount, symbol: "LUMA" } },
    steps,
    outcome: {
      spend: [{ raw: amount, symbol: "LUMA" }],
      receive: [{ raw: amount, symbol: "sLUMA" }],
      // The head now (viem caches the block number for seconds by default).
      simulatedAtBlock: await chain.client.getBlockNumber({ cacheTime: 0 }),
    },
  };
}

/** Mints LUMA to `account` from the devnet faucet (the deployer). */
export async function fundLuma(chain: Chain, account: Address, amount: bigint) {
  const hash = await chain.deployer.writeContract({
    address: chain.manifest.contracts.luma,
    abi: mintableTokenAbi,
    functionName: "mint",
    args: [account, amount],
  });
  await chain.deployer.waitForTransactionReceipt({ hash });
}

/**
 * Sends a step from `from` (an unlocked anvil account) as a wallet would: to, data, value and the
 * plan's gas limit, so a step that reverts is still mined (no estimate refuses it first).
 */
export async function sendStep(
  chain: Chain,
  from: Address,
  step: Pick<PlanStep, "to" | "data" | "value" | "gas">,
) {
  const wallet = createDevnetClient({
    rpcUrl: chain.anvil.rpcUrl,
    chainId: chain.manifest.chainId,
    account: from,
  });
  return wallet.sendTransaction({ to: step.to, data: step.data, value: step.value, gas: step.gas });
}

/** Waits until `hash` is mined (anvil automines; with automining off, after `mine`). */
export const mined = (chain: Chain, hash: Hash) =>
  chain.client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
