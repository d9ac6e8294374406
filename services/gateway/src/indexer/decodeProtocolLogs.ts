import type { ContractName, DeploymentManifest } from "@luma-pulse/protocol";
import { type Log, type ParseEventLogsReturnType, parseEventLogs } from "viem";
import { protocolEventAbi } from "./protocolEventAbi.ts";

/** A decoded protocol event, tagged with the manifest contract that emitted it. */
export type ProtocolEvent = ParseEventLogsReturnType<typeof protocolEventAbi, undefined, true>[number] & {
  contract: ContractName;
};

/**
 * Decodes raw logs into protocol events. Logs from addresses outside the manifest are dropped, as
 * are logs a node marks `removed` (an orphaned block's): the row mappers rely on the emitter being
 * the protocol's, because a foreign contract can emit any event signature.
 */
export function decodeProtocolLogs(
  logs: readonly Log[],
  contracts: DeploymentManifest["contracts"],
): ProtocolEvent[] {
  const byAddress = new Map<string, ContractName>(
    Object.entries(contracts).map(([name, address]) => [address.toLowerCase(), name as ContractName]),
  );
  const events: ProtocolEvent[] = [];
  for (const log of parseEventLogs({
    abi: protocolEventAbi,
    logs: logs.filter((l) => !l.removed),
    strict: true,
  })) {
    const contract = byAddress.get(log.address.toLowerCase());
    if (contract !== undefined) events.push({ ...log, contract });
  }
  return events;
}
