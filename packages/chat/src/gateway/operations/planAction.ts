import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { SIGNING_INTENT_FIELDS, type SigningIntent, signingIntent } from "./signingIntent.ts";

/** An action a member can plan, with what its mutation takes besides the account. */
export type PlanRequest =
  | { action: "stakePop" | "stakeLuma" | "unstakeLuma" | "buySora" | "sellSora"; amount: string }
  | { action: "claimReleased" | "releaseEarly"; positionId: bigint };

export type PlanActionName = PlanRequest["action"];

/** The mutation of each action (api-contract.md): amount in whole tokens or "max", or a position. */
const MUTATIONS: Record<PlanActionName, { field: string; argument: "amount" | "positionId" }> = {
  stakePop: { field: "planStakePop", argument: "amount" },
  stakeLuma: { field: "planStakeLuma", argument: "amount" },
  unstakeLuma: { field: "planUnstakeLuma", argument: "amount" },
  buySora: { field: "planBuySora", argument: "amount" },
  sellSora: { field: "planSellSora", argument: "amount" },
  claimReleased: { field: "planClaimReleased", argument: "positionId" },
  releaseEarly: { field: "planReleaseEarly", argument: "positionId" },
};

/** The mutation document of one plan action (exported for the documentation test and the bots' logs). */
export function planDocument(action: PlanActionName): string {
  const { field, argument } = MUTATIONS[action];
  const type = argument === "amount" ? "String!" : "BigInt!";
  return `mutation ChatPlan($account: Address!, $${argument}: ${type}) {
  plan: ${field}(account: $account, ${argument}: $${argument}) { ${SIGNING_INTENT_FIELDS} }
}`;
}

const planData = z.object({ plan: signingIntent });

/**
 * Builds, simulates and stores a plan for `account` (the linked wallet) and returns it as a signing
 * intent: steps, outcome, fee, verification code, expiry and links. Bad amounts, balances, quotas
 * and positions come back as coded errors (INVALID_AMOUNT, INSUFFICIENT_BALANCE, …).
 */
export async function planAction(
  client: GatewayClient,
  options: { locale: Locale; account: string; request: PlanRequest; signal?: AbortSignal },
): Promise<SigningIntent> {
  const { request } = options;
  const variables =
    "amount" in request
      ? { account: options.account, amount: request.amount }
      : { account: options.account, positionId: request.positionId.toString() };
  const data = await client.request({
    document: planDocument(request.action),
    variables,
    data: planData,
    locale: options.locale,
    signal: options.signal,
  });
  return data.plan;
}
