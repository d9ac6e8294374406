import { type Address, formatLog, type Log, numberToHex, type PublicClient } from "viem";
import { protocolEventTopics } from "./protocolEventAbi.ts";

/**
 * One `eth_getLogs` for a block range over the given contracts, filtered to the events that have a
 * table (topic0 OR-list), so token Transfers and Approvals never cross the wire. Raw request rather
 * than viem's getLogs({ events }), which would decode every log a second time.
 */
export async function fetchProtocolLogs(
  client: PublicClient,
  addresses: readonly Address[],
  fromBlock: bigint,
  toBlock: bigint,
): Promise<Log[]> {
  const logs = await client.request({
    method: "eth_getLogs",
    params: [
      {
        address: [...addresses],
        topics: [protocolEventTopics()],
        fromBlock: numberToHex(fromBlock),
        toBlock: numberToHex(toBlock),
      },
    ],
  });
  return logs.map((log) => formatLog(log));
}
