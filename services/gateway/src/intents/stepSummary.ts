import {
  approvableTokens,
  type DeploymentManifest,
  formatAmount,
  isApprovableToken,
  type SignableContract,
  signableContractAt,
  type TokenSymbol,
  tokenDecimals,
} from "@luma-pulse/protocol";
import { maxUint256 } from "viem";
import type { PlanStep } from "../actions/TransactionPlan.ts";
import type { Locale } from "../errors/domainErrorMessages.ts";

/** Contracts a member approves tokens for, named as the page and the bot name them. */
const spenderNames: Partial<Record<SignableContract, Record<Locale, string>>> = {
  optionStaking: { en: "Option staking", zh: "期权质押合约" },
  rebaseStaking: { en: "Rebase staking", zh: "Rebase 质押合约" },
  soraLumaPool: { en: "the SORA/LUMA pool", zh: "SORA/LUMA 池" },
};

const amountOf = (raw: string, symbol: TokenSymbol) =>
  `${formatAmount(BigInt(raw), tokenDecimals[symbol], { maxFractionDigits: 6 })} ${symbol}`;

/**
 * One line saying what a step does, in `locale`: "Approve 100 LUMA for Rebase staking" /
 * "授权 Rebase 质押合约使用 100 LUMA". Built from the call itself (what the wallet will sign), so
 * the words and the calldata cannot disagree.
 */
export function summarizeStep(step: PlanStep, manifest: DeploymentManifest, locale: Locale): string {
  const { contract, functionName, args } = step.call;
  const zh = locale === "zh";
  const [a0 = "0", a1 = "0", a2 = "0"] = args;
  if (functionName === "approve" && isApprovableToken(contract)) {
    const token = approvableTokens[contract];
    const spenderKey = signableContractAt(manifest.contracts, a0);
    const spender = (spenderKey && spenderNames[spenderKey]?.[locale]) ?? a0;
    const amount =
      BigInt(a1) === maxUint256 ? (zh ? `无限量 ${token}` : `unlimited ${token}`) : amountOf(a1, token);
    return zh ? `授权 ${spender}使用 ${amount}` : `Approve ${amount} for ${spender}`;
  }
  switch (`${contract}.${functionName}`) {
    case "rebaseStaking.stake":
      return zh ? `质押 ${amountOf(a0, "LUMA")}` : `Stake ${amountOf(a0, "LUMA")}`;
    case "rebaseStaking.unstake": {
      const all = BigInt(a0) === maxUint256;
      if (zh) return all ? "解除全部 sLUMA 质押" : `解除质押 ${amountOf(a0, "sLUMA")}`;
      return all ? "Unstake all sLUMA" : `Unstake ${amountOf(a0, "sLUMA")}`;
    }
    case "optionStaking.stake":
      return zh
        ? `期权质押 ${amountOf(a0, "POP")}（本金至少 ${amountOf(a1, "LUMA")}）`
        : `Stake ${amountOf(a0, "POP")} in option staking (principal at least ${amountOf(a1, "LUMA")})`;
    case "optionStaking.claim":
      return zh ? `领取仓位 #${a0} 已释放的 LUMA` : `Claim the released LUMA of position #${a0}`;
    case "optionStaking.releaseEarly":
      return zh
        ? `提前释放仓位 #${a0} 的奖励（手续费至多 ${amountOf(a1, "LUMA")}）`
        : `Release position #${a0}'s rewards early (fee at most ${amountOf(a1, "LUMA")})`;
    case "soraLumaPool.swapExactIn": {
      const selling = signableContractAt(manifest.contracts, a0) === "sora";
      if (selling) {
        return zh
          ? `卖出 ${amountOf(a1, "SORA")}（至少换得 ${amountOf(a2, "LUMA")}）`
          : `Sell ${amountOf(a1, "SORA")} for at least ${amountOf(a2, "LUMA")}`;
      }
      return zh
        ? `用 ${amountOf(a1, "LUMA")} 购买 SORA（至少 ${amountOf(a2, "SORA")}）`
        : `Buy SORA with ${amountOf(a1, "LUMA")} (at least ${amountOf(a2, "SORA")})`;
    }
    default:
      return `${contract}.${functionName}(${args.join(", ")})`;
  }
}
