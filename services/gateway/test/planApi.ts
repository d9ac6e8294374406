import { createDevnetClient } from "@luma-pulse/devnet";
import type { Address, Hex, TransactionReceipt } from "viem";
import { type GraphqlBody, postGraphql } from "./postGraphql.ts";
import type { setupChain } from "./setupChain.ts";

type Chain = Awaited<ReturnType<typeof setupChain>>;

/** What the plan tests read of the SigningIntent a plan mutation returns. */
export const PLAN_FIELDS = `
  id action account amountInput amount { raw symbol } positionId
  steps { index kind contract to data value gas functionName args { name type value } }
  outcome {
    spend { raw symbol } receive { raw symbol }
    fee { amount { raw symbol } toBuyback { raw } burned { raw } }
    quotaGranted { raw } quotaUsed { raw } positionId releasesUntil
    bound { kind amount { raw symbol } } simulatedAtBlock
  }
`;

type Amount = { raw: string; symbol: string };

/** A SigningIntent as {@link PLAN_FIELDS} shapes it. */
export type PlannedIntent = {
  id: string;
  action: string;
  account: Address;
  amountInput: string | null;
  amount: Amount | null;
  positionId: string | null;
  steps: {
    index: number;
    kind: "APPROVE" | "ACTION";
    contract: string;
    to: Address;
    data: Hex;
    value: string;
    gas: string;
    functionName: string;
    args: { name: string; type: string; value: string }[];
  }[];
  outcome: {
    spend: Amount[];
    receive: Amount[];
    fee: { amount: Amount; toBuyback: { raw: string }; burned: { raw: string } } | null;
    quotaGranted: { raw: string } | null;
    quotaUsed: { raw: string } | null;
    positionId: string | null;
    releasesUntil: string | null;
    bound: { kind: "MIN_RECEIVED" | "MAX_FEE"; amount: Amount } | null;
    simulatedAtBlock: string;
  };
};

/**
 * Calls plan mutation `mutation` (e.g. "planStakeLuma") with `args` written as GraphQL literals
 * (strings quoted), as a bot would; `headers` e.g. accept-language.
 */
export async function requestPlan(
  url: string,
  mutation: string,
  args: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ body: GraphqlBody; intent: PlannedIntent | undefined }> {
  const literals = Object.entries(args)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(", ");
  const { body } = await postGraphql(
    url,
    `mutation { ${mutation}(${literals}) { ${PLAN_FIELDS} } }`,
    headers,
  );
  return { body, intent: body.data?.[mutation] as PlannedIntent | undefined };
}

/** {@link requestPlan} that must succeed: the intent, or a failure that shows the errors. */
export async function planOrFail(url: string, mutation: string, args: Record<string, string>) {
  const { body, intent } = await requestPlan(url, mutation, args);
  if (!intent) throw new Error(`${mutation} failed: ${JSON.stringify(body.errors)}`);
  return intent;
}

/**
 * Sends every step of a plan, in order, from `account` (an unlocked anvil account) as a wallet
 * would — to, data, value and the plan's gas limit — each once the previous one is mined.
 * Throws if one reverts; returns the receipts.
 */
export async function sendPlan(
  chain: Chain,
  account: Address,
  intent: PlannedIntent,
): Promise<TransactionReceipt[]> {
  const wallet = createDevnetClient({ rpcUrl: chain.anvil.rpcUrl, chainId: chain.manifest.chainId, account });
  const receipts: TransactionReceipt[] = [];
  for (const step of intent.steps) {
    const hash = await wallet.sendTransaction({
      to: step.to,
      data: step.data,
      value: BigInt(step.value),
      gas: BigInt(step.gas),
    });
    const receipt = await wallet.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`step ${step.index} (${step.functionName}) reverted`);
    receipts.push(receipt);
  }
  return receipts;
}

/** A step's call as the tests compare it: the function and its arguments in ABI order. */
export const callOf = (step: PlannedIntent["steps"][number]) =>
  `${step.contract}.${step.functionName}(${step.args.map((arg) => arg.value).join(", ")})`;
