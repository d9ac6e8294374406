import {
  type ApprovableToken,
  encodeSignableCall,
  type SignableCall,
  type SignableContract,
} from "@luma-pulse/protocol";
import { type Address, getAddress } from "viem";
import type { PlanChain } from "./PlanChain.ts";
import type { PlanStep } from "./TransactionPlan.ts";

/** A step before simulation: everything but its gas limit. */
export type DraftStep = Omit<PlanStep, "gas">;

/**
 * A wallet call to a protocol contract: calldata only from {@link encodeSignableCall} (the calls a
 * plan may contain), sent to the manifest's address of that contract, with no ether.
 */
export function draftStep(
  { manifest }: PlanChain,
  kind: PlanStep["kind"],
  call: { contract: SignableContract; functionName: string; args: readonly (bigint | Address)[] },
): DraftStep {
  // The readable form the page shows and re-encodes: uints in decimal, addresses checksummed.
  const args = call.args.map((arg) => (typeof arg === "bigint" ? arg.toString() : getAddress(arg)));
  const readable: SignableCall = { ...call, args };
  return {
    kind,
    call: readable,
    to: getAddress(manifest.contracts[call.contract]),
    data: encodeSignableCall(readable),
    value: 0n,
  };
}

/**
 * The approval an action needs first: none when `allowance` already covers `amount`, otherwise
 * `approve(spender, amount)` for exactly the amount — never an unlimited one.
 */
export function approvalIfShort(
  chain: PlanChain,
  {
    token,
    spender,
    amount,
    allowance,
  }: { token: ApprovableToken; spender: Address; amount: bigint; allowance: bigint },
): DraftStep[] {
  if (allowance >= amount) return [];
  return [draftStep(chain, "approve", { contract: token, functionName: "approve", args: [spender, amount] })];
}

/**
 * The plan's steps with the action (the last step) replaced by `action`: the same call with the
 * slippage bound written in after the simulation. It keeps the simulated gas limit; a bound changes
 * only a few calldata bytes, which the headroom covers.
 */
export function withBoundAction(steps: PlanStep[], action: DraftStep): PlanStep[] {
  const simulated = steps.at(-1);
  if (!simulated) throw new Error("a plan has at least one step");
  return [...steps.slice(0, -1), { ...action, gas: simulated.gas }];
}
