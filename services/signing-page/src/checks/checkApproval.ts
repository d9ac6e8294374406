import type { IntentStep } from "../api/types.ts";
import { formatExactTokenAmount } from "../format/formatTokenAmount.ts";
import type { Text } from "../i18n/translate.ts";
import type { CallTerms } from "./callTerms.ts";

const MAX_UINT256 = 2n ** 256n - 1n;

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * An approval is exact, and for the step right after it: it lets that step's contract (and no
 * other) take exactly what that step spends, of the token it spends; never an unlimited amount.
 *
 * @param n - the approval's position (1-based), as the page numbers steps
 * @param next - the step after it, with its terms read from its arguments
 */
export function checkApproval(
  approval: CallTerms,
  n: number,
  next: { step: IntentStep; terms: CallTerms | undefined } | undefined,
): Text | undefined {
  const { spender, approved } = approval;
  if (spender === undefined || approved === undefined) return { key: "check.dataMismatch", params: { n } };
  if (approved.raw >= MAX_UINT256) return { key: "check.unlimitedApproval", params: { n } };
  if (!next || !sameAddress(next.step.to, spender)) return { key: "check.approvalSpender", params: { n } };
  const spent = next.terms?.spend;
  if (!spent || spent.symbol !== approved.symbol || spent.raw !== approved.raw) {
    return {
      key: "check.approvalAmount",
      params: {
        n,
        next: n + 1,
        approved: formatExactTokenAmount(approved),
        spent: spent ? formatExactTokenAmount(spent) : { key: "nothing" },
      },
    };
  }
  return undefined;
}
