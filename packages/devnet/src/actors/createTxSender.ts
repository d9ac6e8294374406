import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  decodeErrorResult,
  encodeFunctionData,
  type Hash,
  type Hex,
  type Log,
} from "viem";
import type { DevnetClient } from "../createDevnetClient.ts";
import { TxRevertedError } from "./TxRevertedError.ts";

type WriteRequest<abi extends Abi, name extends ContractFunctionName<abi, "nonpayable" | "payable">> = {
  from: Address;
  address: Address;
  abi: abi;
  functionName: name;
  args: ContractFunctionArgs<abi, "nonpayable" | "payable", name>;
};

export type SentTx = { transactionHash: Hash; logs: Log[] };

// A fixed, generous gas limit: anvil's own estimate runs against a different block time, and
// time-dependent paths (a fee or none, epochs to apply) can then run out of gas.
const GAS_LIMIT = "0x989680"; // 10,000,000

/**
 * Sends transactions from anvil's unlocked accounts in one RPC each: `eth_sendTransactionSync`
 * (EIP-7966) has anvil fill nonce and fees, mine, and answer with the receipt. A reverted
 * transaction's revert data comes from anvil's call tracer, decoded with the contract's ABI into a
 * {@link TxRevertedError}. This is what lets the seed put a year of protocol history on chain in
 * seconds; it only works against anvil.
 */
export function createTxSender(client: DevnetClient) {
  let sent = 0;
  // The test client's request type lists anvil's own methods only; these are standard ones.
  const request = client.request as unknown as (args: {
    method: string;
    params: unknown[];
  }) => Promise<unknown>;
  async function write<
    const abi extends Abi,
    name extends ContractFunctionName<abi, "nonpayable" | "payable">,
  >(call: WriteRequest<abi, name>): Promise<SentTx> {
    const data = encodeFunctionData({
      abi: call.abi,
      functionName: call.functionName,
      args: call.args,
    } as never);
    const tx = { from: call.from, to: call.address, data, gas: GAS_LIMIT };
    const receipt = (await request({ method: "eth_sendTransactionSync", params: [tx] })) as SyncReceipt;
    sent += 1;
    if (receipt.status === "0x1") return { transactionHash: receipt.transactionHash, logs: receipt.logs };
    const trace = (await request({
      method: "debug_traceTransaction",
      params: [receipt.transactionHash, { tracer: "callTracer" }],
    })) as { output?: Hex; error?: string };
    const decoded = decodeRevert(trace.output, call.abi);
    const reason = decoded?.text ?? trace.error ?? "reverted";
    const name = String(call.functionName);
    throw new TxRevertedError(name, decoded?.errorName, `${name} from ${call.from} failed: ${reason}`);
  }
  return { write, sentCount: () => sent };
}

type SyncReceipt = { status: Hex; transactionHash: Hash; logs: Log[] };

function decodeRevert(data: Hex | undefined, abi: Abi): { errorName?: string; text: string } | undefined {
  if (!data || data.length < 10) return undefined;
  try {
    const decoded = decodeErrorResult({ abi, data });
    return {
      errorName: decoded.errorName,
      text: `${decoded.errorName}(${(decoded.args ?? []).map(String).join(", ")})`,
    };
  } catch {
    return { text: `revert ${data}` };
  }
}

export type TxSender = ReturnType<typeof createTxSender>;
