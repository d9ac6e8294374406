import { type SignableContract, signableCallInputs } from "@luma-pulse/protocol/browser";
import type { ActionKind, Deployment, IntentStep, SigningIntent, TokenAmount } from "../api/types.ts";
import { formatExactTokenAmount } from "../format/formatTokenAmount.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { Text } from "../i18n/translate.ts";
import { type CallAmount, type CallTerms, contractAddress, readCallTerms } from "./callTerms.ts";
import { checkApproval } from "./checkApproval.ts";

/** The one call each action is. */
export const actionCalls: Readonly<Record<ActionKind, string>> = {
  STAKE_POP: "optionStaking.stake",
  STAKE_LUMA: "rebaseStaking.stake",
  UNSTAKE_LUMA: "rebaseStaking.unstake",
  CLAIM_RELEASED: "optionStaking.claim",
  RELEASE_EARLY: "optionStaking.releaseEarly",
  BUY_SORA: "soraLumaPool.swapExactIn",
  SELL_SORA: "soraLumaPool.swapExactIn",
};

/** The token contract a swap must sell, per action. */
const soldContract: Partial<Record<ActionKind, { contract: string; symbol: string }>> = {
  BUY_SORA: { contract: "luma", symbol: "LUMA" },
  SELL_SORA: { contract: "sora", symbol: "SORA" },
};

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A gateway amount's base units; undefined when they are not a plain decimal number. */
const rawOf = (amount: Pick<TokenAmount, "raw">) =>
  /^\d+$/.test(amount.raw) ? BigInt(amount.raw) : undefined;

const sameAmount = (shown: TokenAmount | null | undefined, call: CallAmount | undefined) =>
  shown && call ? shown.symbol === call.symbol && rawOf(shown) === call.raw : !shown && !call;

const exact = (amount: TokenAmount | CallAmount | null | undefined): string | Text =>
  amount ? formatExactTokenAmount(amount) : { key: "nothing" };

const mismatch = (what: MessageKey, n: number, shown: string | Text, value: string | Text): Text => ({
  key: "check.shownMismatch",
  params: { what: { key: what }, n, shown, value },
});

/**
 * Ties what the page shows to the arguments the wallet signs ("Stake 100 LUMA" must stake 100
 * LUMA). Call only once every step's calldata matched its arguments. The steps are approvals then
 * one action, the call of the intent's action; the gateway's amount, spend, bound and position
 * equal the action's arguments; its estimates lie within the call's bound; a swap sells the
 * action's token and pays the intent's account; every address argument is that account or a
 * protocol contract; each approval is exactly what the next step spends, for that step's contract.
 */
export function checkActionArgs(intent: SigningIntent, deployment: Deployment): Text[] {
  const steps = [...intent.steps].sort((a, b) => a.index - b.index);
  const last = steps.length - 1;
  const action = steps[last];
  if (!action || steps.some((step, i) => (step.kind === "ACTION") !== (i === last))) {
    return [{ key: "check.stepShape" }];
  }
  const n = steps.length;
  const call = `${action.contract}.${action.functionName}`;
  const expected = actionCalls[intent.action] ?? intent.action;
  if (call !== expected) return [{ key: "check.actionMismatch", params: { n, call, expected } }];
  const terms = readCallTerms(action, deployment);
  if (!terms) return [{ key: "check.dataMismatch", params: { n } }];

  const problems = [
    ...checkAddressArgs(steps, intent.account, deployment),
    ...checkSwap(intent, terms, n, deployment),
    ...checkShown(intent, terms, n),
    ...checkEstimates(intent, terms, n),
  ];
  steps.slice(0, last).forEach((step, i) => {
    const approval = readCallTerms(step, deployment);
    const next = steps[i + 1] as IntentStep;
    const problem = approval
      ? checkApproval(approval, i + 1, { step: next, terms: readCallTerms(next, deployment) })
      : { key: "check.dataMismatch" as const, params: { n: i + 1 } };
    if (problem) problems.push(problem);
  });
  return problems;
}

/** Every address a call passes is the intent's account or one of the protocol's contracts. */
function checkAddressArgs(steps: readonly IntentStep[], account: string, deployment: Deployment): Text[] {
  const known = [account, ...deployment.contracts.map((contract) => contract.address)];
  return steps.flatMap((step, i) => {
    const { inputs } = signableCallInputs({
      contract: step.contract as SignableContract,
      functionName: step.functionName,
    });
    return inputs.flatMap((input, at): Text[] => {
      const address = step.args[at]?.value ?? "";
      if (input.type !== "address" || known.some((other) => sameAddress(other, address))) return [];
      return [{ key: "check.unknownAddress", params: { n: i + 1, arg: input.name, address } }];
    });
  });
}

/** A swap sells the action's token (BUY_SORA: LUMA, SELL_SORA: SORA) and pays the intent's account. */
function checkSwap(intent: SigningIntent, terms: CallTerms, n: number, deployment: Deployment): Text[] {
  const sold = soldContract[intent.action];
  if (!sold) return [];
  const problems: Text[] = [];
  const address = contractAddress(deployment, sold.contract);
  if (!address || !terms.tokenIn || !sameAddress(address, terms.tokenIn)) {
    problems.push({
      key: "check.wrongToken",
      params: { n, address: terms.tokenIn ?? "", token: sold.symbol },
    });
  }
  if (!terms.recipient || !sameAddress(terms.recipient, intent.account)) {
    problems.push({ key: "check.wrongRecipient", params: { n, address: terms.recipient ?? "" } });
  }
  return problems;
}

/** The gateway's amount, spend, bound and position are the call's own arguments. */
function checkShown(intent: SigningIntent, terms: CallTerms, n: number): Text[] {
  const problems: Text[] = [];
  const { outcome } = intent;
  if (!sameAmount(intent.amount, terms.spend)) {
    problems.push(mismatch("label.amount", n, exact(intent.amount), exact(terms.spend)));
  }
  const spends = terms.spend ? [terms.spend] : [];
  if (
    outcome.spend.length !== spends.length ||
    outcome.spend.some((shown, i) => !sameAmount(shown, spends[i]))
  ) {
    const shown: string | Text = outcome.spend.length
      ? outcome.spend.map(formatExactTokenAmount).join(" + ")
      : { key: "nothing" };
    problems.push(mismatch("label.spend", n, shown, exact(terms.spend)));
  }
  const bound = outcome.bound;
  if (bound?.kind !== terms.bound?.kind || !sameAmount(bound?.amount, terms.bound?.amount)) {
    const label = (terms.bound ?? bound)?.kind === "MAX_FEE" ? "label.boundMaxFee" : "label.boundMinReceived";
    problems.push(mismatch(label, n, exact(bound?.amount), exact(terms.bound?.amount)));
  }
  const position = terms.positionId?.toString() ?? null;
  // A new option position's id (STAKE_POP) is the simulation's prediction: no argument carries it.
  const shownPositions =
    intent.action === "STAKE_POP" ? [intent.positionId] : [intent.positionId, outcome.positionId];
  const differing = shownPositions.find((shown) => shown !== position);
  if (differing !== undefined) {
    const text = (id: string | null): string | Text => (id === null ? { key: "nothing" } : `#${id}`);
    problems.push(mismatch("label.position", n, text(differing), text(position)));
  }
  return problems;
}

/**
 * What the simulation estimates (received, principal, fee) cannot be read from a call, but it must
 * lie within the call's bound: at least a MIN_RECEIVED, at most a MAX_FEE, in the bound's token.
 */
function checkEstimates(intent: SigningIntent, terms: CallTerms, n: number): Text[] {
  const { bound } = terms;
  if (!bound) return [];
  const { outcome } = intent;
  const [what, estimate]: [MessageKey, TokenAmount | null | undefined] =
    bound.kind === "MAX_FEE"
      ? ["label.fee", outcome.fee?.amount]
      : intent.action === "STAKE_POP"
        ? ["label.principal", outcome.principal]
        : ["label.receive", outcome.receive.find((amount) => amount.symbol === bound.amount.symbol)];
  const raw = estimate && estimate.symbol === bound.amount.symbol ? rawOf(estimate) : undefined;
  const within =
    raw !== undefined && (bound.kind === "MAX_FEE" ? raw <= bound.amount.raw : raw >= bound.amount.raw);
  if (within) return [];
  return [
    {
      key: "check.estimateBeyondBound",
      params: { what: { key: what }, n, shown: exact(estimate), bound: exact(bound.amount) },
    },
  ];
}
