import {
  constantProductPoolAbi,
  feeBuybackAbi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import { type AbiEvent, type Hex, toEventSelector } from "viem";

type EventOf<abi extends readonly unknown[], name extends string> = Extract<
  abi[number],
  { type: "event"; name: name }
>;

function eventsOf<const abi extends readonly { type: string; name?: string }[], const name extends string>(
  abi: abi,
  names: readonly name[],
): EventOf<abi, name>[] {
  return abi.filter(
    (item): item is EventOf<abi, name> => item.type === "event" && names.includes(item.name as name),
  );
}

/**
 * The events that have a table in prisma/schema.prisma, from the generated ABIs. Swap and Sync
 * appear once: every pool shares ConstantProductPool's signatures, and ParameterChanged is
 * Parameterized's on every staking contract. Events without a table (Transfer, Approval, role
 * setters, LiquidityAdded, QuotaUsed, SoraSold) are left out, so getLogs does not ship them.
 */
export const protocolEventAbi = [
  ...eventsOf(soraAbi, ["SoraBurned"]),
  ...eventsOf(optionStakingAbi, ["Staked", "RewardClaimed", "EarlyReleased", "ParameterChanged"]),
  ...eventsOf(rebaseStakingAbi, ["Staked", "Unstaked", "Rebase"]),
  ...eventsOf(feeBuybackAbi, ["FeeCollected", "Buyback"]),
  ...eventsOf(soraLumaPoolAbi, ["QuotaGranted"]),
  ...eventsOf(constantProductPoolAbi, ["Swap", "Sync"]),
];

/** topic0 of every event in {@link protocolEventAbi}: the OR-filter of the one getLogs per chunk. */
export function protocolEventTopics(): Hex[] {
  return protocolEventAbi.map((event) => toEventSelector(event as AbiEvent));
}
