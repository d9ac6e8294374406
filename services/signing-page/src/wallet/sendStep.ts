import { numberToHex } from "viem";
import type { IntentStep } from "../api/types.ts";
import { type Eip1193Provider, PageError } from "./eip1193.ts";

/**
 * Sends one step from `from` with exactly the checked `to`, `data`, `value` and gas, and the
 * intent's `chainId` (hex quantities, as EIP-1193 wants them): a wallet that moved to another chain
 * since the page checked refuses the transaction rather than sending it there. Returns the
 * transaction hash the wallet gives back.
 */
export async function sendStep(
  provider: Eip1193Provider,
  from: string,
  step: IntentStep,
  chainId: number,
): Promise<string> {
  const hash = await provider.request({
    method: "eth_sendTransaction",
    params: [
      {
        from,
        to: step.to,
        data: step.data,
        value: numberToHex(BigInt(step.value)),
        gas: numberToHex(BigInt(step.gas)),
        chainId: numberToHex(chainId),
      },
    ],
  });
  if (typeof hash !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(hash)) {
    throw new PageError({
      key: "error.wallet",
      params: { message: `unexpected answer ${String(hash).slice(0, 80)}` },
    });
  }
  return hash;
}
