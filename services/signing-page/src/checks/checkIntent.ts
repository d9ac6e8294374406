import { encodeSignableCall, type SignableContract, UnsignableCallError } from "@luma-pulse/protocol/browser";
import type { Deployment, IntentStep, SigningIntent } from "../api/types.ts";
import type { Text } from "../i18n/translate.ts";
import { checkActionArgs } from "./checkActionArgs.ts";
import { checkTokenUnits } from "./checkTokenUnits.ts";

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The call as shown: contract, function, and argument values in ABI order. */
const callOf = (step: IntentStep) => ({
  contract: step.contract as SignableContract,
  functionName: step.functionName,
  args: step.args.map((arg) => arg.value),
});

/** Re-encodes the call the page shows; a problem when that fails or differs from `step.data`. */
function checkCalldata(step: IntentStep, n: number): Text | undefined {
  try {
    const data = encodeSignableCall(callOf(step));
    return data.toLowerCase() === step.data.toLowerCase()
      ? undefined
      : { key: "check.dataMismatch", params: { n } };
  } catch (error) {
    if (!(error instanceof UnsignableCallError)) throw error;
    return { key: "check.unknownCall", params: { n, call: `${step.contract}.${step.functionName}` } };
  }
}

/** An approval step calls `approve`, and only an approval step does. */
function checkKind(step: IntentStep, n: number): Text | undefined {
  const approves = step.functionName === "approve";
  return approves === (step.kind === "APPROVE")
    ? undefined
    : { key: "check.kindMismatch", params: { n, kind: step.kind, call: step.functionName } };
}

/**
 * What the page checks before a wallet sees anything ("what you see is what you sign"): every
 * step's calldata is exactly the call displayed, re-encoded here; it goes to the protocol contract
 * it names on the gateway's chain and sends no ETH; and once the calldata is known to be the
 * arguments, those arguments are what the page shows ({@link checkActionArgs}: amounts, bound,
 * position, recipient, exact approvals). Amounts use the protocol's decimals. Returns the
 * problems; any problem refuses the whole intent.
 */
export function checkIntent(intent: SigningIntent, deployment: Deployment): Text[] {
  const problems: Text[] = [];
  if (intent.chain.id !== deployment.chainId) {
    problems.push({
      key: "check.wrongChain",
      params: { intent: intent.chain.id, gateway: deployment.chainId },
    });
  }
  if (intent.steps.length === 0) return [...problems, { key: "check.noSteps" }];
  let callsShown = true;
  const steps = [...intent.steps].sort((a, b) => a.index - b.index);
  steps.forEach((step, position) => {
    const n = position + 1;
    const calldata = checkCalldata(step, n) ?? checkKind(step, n);
    if (calldata) {
      problems.push(calldata);
      callsShown = false;
    }
    const address = deployment.contracts.find((contract) => contract.name === step.contract)?.address;
    if (!address || !sameAddress(address, step.to)) {
      problems.push({ key: "check.wrongContract", params: { n, to: step.to, contract: step.contract } });
    }
    if (!/^0+$/.test(step.value)) problems.push({ key: "check.sendsEth", params: { n } });
  });
  // Arguments that are not what the wallet signs say nothing about it: compare them only once they are.
  if (callsShown) problems.push(...checkActionArgs(intent, deployment));
  problems.push(...checkTokenUnits(intent));
  return problems;
}
