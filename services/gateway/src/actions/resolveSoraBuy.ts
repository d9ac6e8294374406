import { getAmountIn, getAmountOut } from "@luma-pulse/protocol";
import type { Address } from "viem";
import { domainError } from "../errors/domainError.ts";
import { exactTokens, MAX, spendFromBalance } from "./resolveAmount.ts";

/** What decides how much LUMA a SORA buy may spend, read at one block. */
export type SoraBuyState = {
  account: Address;
  lumaBalance: bigint;
  /** SORA the account may still buy. */
  quota: bigint;
  soraReserve: bigint;
  lumaReserve: bigint;
};

/**
 * The most LUMA whose SORA, at these reserves, fits in `quota`: the least input that buys the
 * whole quota, stepped down while rounding would give a wei more than the quota (the pool refuses
 * a buy that exceeds it). A quota the pool cannot fill is limited to what it holds.
 */
function lumaForQuota({ quota, soraReserve, lumaReserve }: SoraBuyState): bigint {
  const fillable = quota < soraReserve ? quota : soraReserve - 1n;
  let amountIn = getAmountIn(fillable, lumaReserve, soraReserve);
  while (amountIn > 0n && getAmountOut(amountIn, lumaReserve, soraReserve) > fillable) amountIn -= 1n;
  return amountIn;
}

/**
 * The LUMA a buy spends: "max" is what buys the whole remaining quota, or the LUMA balance if that
 * is lower; a number must be within the balance and buy no more SORA than the quota (QUOTA_EXCEEDED,
 * with the quota). No quota at all is NO_SORA_QUOTA.
 */
export function resolveSoraBuy(requested: bigint | typeof MAX, state: SoraBuyState): bigint {
  const { account, lumaBalance, quota, soraReserve, lumaReserve } = state;
  if (quota === 0n) throw domainError("NO_SORA_QUOTA", { account });
  const balance = { balance: lumaBalance, symbol: "LUMA", account } as const;
  if (requested === MAX) {
    const wholeQuota = lumaForQuota(state);
    return spendFromBalance(wholeQuota < lumaBalance ? wholeQuota : MAX, balance);
  }
  const amountIn = spendFromBalance(requested, balance);
  const soraOut = getAmountOut(amountIn, lumaReserve, soraReserve);
  if (soraOut > quota) {
    throw domainError("QUOTA_EXCEEDED", {
      requested: exactTokens(soraOut, "SORA"),
      quota: exactTokens(quota, "SORA"),
      requestedRaw: soraOut.toString(),
      quotaRaw: quota.toString(),
    });
  }
  return amountIn;
}
