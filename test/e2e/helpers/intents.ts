import type { Address } from "viem";
import { graphqlData } from "./graphql.ts";

/** What the tests read of an intent. */
export type IntentState = {
  id: string;
  action: string;
  status: string;
  failureReason: string | null;
  account: string;
  verificationCode: string;
  chain: { id: number; name: string };
  links: { page: string };
  steps: {
    index: number;
    kind: string;
    functionName: string;
    status: string | null;
    txHash: string | null;
  }[];
};

const INTENT_FIELDS = `id action status failureReason account verificationCode chain { id name } links { page }
  steps { index kind functionName status txHash }`;

/** A plan built by the gateway as a bot asks for it: `planStakeLuma`, `planStakePop`… */
export async function plan(
  gatewayUrl: string,
  mutation: "planStakeLuma" | "planStakePop" | "planUnstakeLuma" | "planSellSora" | "planBuySora",
  account: Address,
  amount: string,
): Promise<IntentState> {
  const data = await graphqlData<Record<string, IntentState>>(
    gatewayUrl,
    `mutation Plan($account: Address!, $amount: String!) {
      plan: ${mutation}(account: $account, amount: $amount) { ${INTENT_FIELDS} }
    }`,
    { account, amount },
  );
  return data.plan as IntentState;
}

/** `intent(id)` as a bot reads it. */
export async function readIntent(gatewayUrl: string, id: string): Promise<IntentState> {
  const data = await graphqlData<{ intent: IntentState }>(
    gatewayUrl,
    `query Intent($id: ID!) { intent(id: $id) { ${INTENT_FIELDS} } }`,
    { id },
  );
  return data.intent;
}
