import type { SigningIntent } from "../api/types.ts";
import type { CallTerms } from "../checks/callTerms.ts";
import type { Text } from "../i18n/translate.ts";
import { formatTokenAmount } from "./formatTokenAmount.ts";

/**
 * The action in words ("Stake 100 LUMA", "Release position #3 early"), from the action call's
 * arguments: what the wallet will sign. Without them (an intent the page refused) it falls back
 * to the gateway's own words for the last step, a label only: nothing is signed then.
 */
export function describeAction(
  intent: Pick<SigningIntent, "action" | "steps">,
  terms: CallTerms | undefined,
): Text {
  if (!terms) {
    const last = [...intent.steps].sort((a, b) => a.index - b.index).at(-1);
    return { raw: last?.summary ?? intent.action };
  }
  const amount = terms.spend ? formatTokenAmount(terms.spend) : "";
  const position = terms.positionId?.toString() ?? "";
  return { key: `action.${intent.action}`, params: { amount, position } };
}
