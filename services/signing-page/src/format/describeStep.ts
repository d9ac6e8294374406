import type { Deployment, IntentStep } from "../api/types.ts";
import { contractNameAt, readCallTerms } from "../checks/callTerms.ts";
import { messageKey, type Text } from "../i18n/translate.ts";
import { formatTokenAmount } from "./formatTokenAmount.ts";

/**
 * One line saying what a step does ("Approve 100 LUMA for Rebase staking"), worded by the page
 * from the call's arguments in the page's language; undefined for a call it cannot read (the
 * gateway's summary is shown then, and the intent is refused anyway).
 */
export function describeStep(step: IntentStep, deployment: Deployment): Text | undefined {
  const terms = readCallTerms(step, deployment);
  if (!terms) return undefined;
  if (terms.approved && terms.spender) {
    const name = messageKey(`contract.${contractNameAt(deployment, terms.spender) ?? ""}`);
    const spender: Text | string = name ? { key: name } : terms.spender;
    return { key: "summary.approve", params: { amount: formatTokenAmount(terms.approved), spender } };
  }
  const { spend, bound, positionId } = terms;
  const position = positionId?.toString();
  switch (terms.call) {
    case "rebaseStaking.stake":
    case "rebaseStaking.unstake":
      return spend && { key: `summary.${terms.call}`, params: { amount: formatTokenAmount(spend) } };
    case "optionStaking.stake":
      return (
        spend &&
        bound && {
          key: "summary.optionStaking.stake",
          params: { amount: formatTokenAmount(spend), min: formatTokenAmount(bound.amount) },
        }
      );
    case "optionStaking.claim":
      return position === undefined
        ? undefined
        : { key: "summary.optionStaking.claim", params: { position } };
    case "optionStaking.releaseEarly":
      return position === undefined || !bound
        ? undefined
        : {
            key: "summary.optionStaking.releaseEarly",
            params: { position, max: formatTokenAmount(bound.amount) },
          };
    case "soraLumaPool.swapExactIn":
      return (
        spend &&
        bound && {
          key: spend.symbol === "LUMA" ? "summary.buySora" : "summary.sellSora",
          params: { amount: formatTokenAmount(spend), min: formatTokenAmount(bound.amount) },
        }
      );
    default:
      return undefined;
  }
}
