import type { SignableCall, TokenSymbol } from "@luma-pulse/protocol";
import type { Address, Hex } from "viem";

/** The staking actions a member can sign from a chat (issue 4). */
export const actionKinds = [
  "stakePop",
  "stakeLuma",
  "unstakeLuma",
  "claimReleased",
  "releaseEarly",
  "buySora",
  "sellSora",
] as const;
export type ActionKind = (typeof actionKinds)[number];

/** An amount of one token in base units; the same shape as the GraphQL `TokenAmount`. */
export type PlanAmount = { raw: bigint; symbol: TokenSymbol };

/** One transaction the wallet sends; steps run in order (an approval, then the action). */
export type PlanStep = {
  kind: "approve" | "action";
  /** The call in readable form; `data` is exactly `encodeSignableCall(call)`. */
  call: SignableCall;
  /** Checksummed address of `call.contract` in the deployment manifest. */
  to: Address;
  data: Hex;
  value: bigint;
  /** Gas limit to send with (the simulation's gas used plus headroom). */
  gas: bigint;
};

/**
 * What the chain says will happen, from a simulation of every step in order at `simulatedAtBlock`.
 * Amounts a member gives and gets, the protocol fee and its split, and when anything unlocks.
 */
export type PlanOutcome = {
  spend: PlanAmount[];
  receive: PlanAmount[];
  /** Fee taken by the protocol (LUMA), if any: `toBuyback` buys back and burns SORA, `burned` is LUMA burned now. */
  fee?: { amount: PlanAmount; toBuyback: bigint; burned: bigint };
  /** SORA buy quota granted (stakePop) or used (buySora). */
  quotaGranted?: bigint;
  quotaUsed?: bigint;
  /** Option position opened or acted on. */
  positionId?: bigint;
  /** A new option position's principal: the staked POP's value in LUMA, which rewards are a share of. */
  principal?: PlanAmount;
  /** When the rewards of a new option position finish releasing / reach the cap. */
  releasesUntil?: Date;
  /** The slippage bound written into the call (minPrincipal, minOut or maxFee). */
  bound?: { kind: "minReceived" | "maxFee"; amount: PlanAmount };
  simulatedAtBlock: bigint;
};

/** A transaction plan as built and simulated, before it is stored as a signing intent. */
export type TransactionPlan = {
  action: ActionKind;
  chainId: number;
  /** The account that signs every step (checksummed). */
  account: Address;
  /** The amount as the member wrote it ("100", "0.5", "max") and as resolved (raw). */
  input: { amount?: string; resolved?: PlanAmount; positionId?: bigint };
  steps: PlanStep[];
  outcome: PlanOutcome;
};
