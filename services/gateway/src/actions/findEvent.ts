import {
  type Abi,
  type Address,
  type ContractEventName,
  isAddressEqual,
  type Log,
  type ParseEventLogsReturnType,
  parseEventLogs,
} from "viem";

/** The decoded arguments of one `eventName` event of `abi`. */
export type EventArgs<abi extends Abi, eventName extends ContractEventName<abi>> = ParseEventLogsReturnType<
  abi,
  eventName,
  true
>[number]["args"];

/**
 * The first `eventName` event that the contract at `address` emitted in `logs`, decoded. A missing
 * event is a bug (the call succeeded, so the contract emitted it), not a member's mistake.
 */
export function findEvent<const abi extends Abi, eventName extends ContractEventName<abi>>(
  logs: Log[],
  { address, abi, eventName }: { address: Address; abi: abi; eventName: eventName },
): EventArgs<abi, eventName> {
  const own = logs.filter((log) => isAddressEqual(log.address, address));
  const [event] = parseEventLogs({ abi, logs: own, eventName, strict: true });
  if (!event) throw new Error(`the simulation emitted no ${String(eventName)} event from ${address}`);
  return event.args as EventArgs<abi, eventName>;
}
