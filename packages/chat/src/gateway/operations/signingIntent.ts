import { z } from "zod";
import { bigIntString, dateTimeString, TOKEN_AMOUNT, tokenAmount } from "../scalars.ts";

export const actionKind = z.enum([
  "STAKE_POP",
  "STAKE_LUMA",
  "UNSTAKE_LUMA",
  "CLAIM_RELEASED",
  "RELEASE_EARLY",
  "BUY_SORA",
  "SELL_SORA",
]);
export type ActionKind = z.output<typeof actionKind>;

export const intentStatus = z.enum(["PENDING", "SUBMITTED", "CONFIRMED", "FAILED", "DROPPED", "EXPIRED"]);
export type IntentStatus = z.output<typeof intentStatus>;

/** Everything of a `SigningIntent` a chat shows; the same selection for plans, `intent` and updates. */
export const SIGNING_INTENT_FIELDS = `
  id action status failureReason account verificationCode createdAt expiresAt amountInput
  amount { ${TOKEN_AMOUNT} } positionId
  chain { id name }
  steps { index kind contract to summary status txHash }
  outcome {
    spend { ${TOKEN_AMOUNT} } receive { ${TOKEN_AMOUNT} }
    fee { amount { ${TOKEN_AMOUNT} } toBuyback { ${TOKEN_AMOUNT} } burned { ${TOKEN_AMOUNT} } }
    quotaGranted { ${TOKEN_AMOUNT} } quotaUsed { ${TOKEN_AMOUNT} }
    positionId releasesUntil bound { kind amount { ${TOKEN_AMOUNT} } } simulatedAtBlock
  }
  links { page metamask trust okx eip681 qrCode }
`;

export const signingIntent = z.object({
  id: z.string(),
  action: actionKind,
  status: intentStatus,
  failureReason: z.string().nullable(),
  account: z.string(),
  verificationCode: z.string(),
  createdAt: dateTimeString,
  expiresAt: dateTimeString,
  amountInput: z.string().nullable(),
  amount: tokenAmount.nullable(),
  positionId: bigIntString.nullable(),
  chain: z.object({ id: z.number().int(), name: z.string() }),
  steps: z.array(
    z.object({
      index: z.number().int(),
      kind: z.enum(["APPROVE", "ACTION"]),
      contract: z.string(),
      to: z.string(),
      summary: z.string(),
      status: z.enum(["PENDING", "MINED", "REVERTED", "MISMATCHED", "DROPPED"]).nullable(),
      txHash: z.string().nullable(),
    }),
  ),
  outcome: z.object({
    spend: z.array(tokenAmount),
    receive: z.array(tokenAmount),
    fee: z.object({ amount: tokenAmount, toBuyback: tokenAmount, burned: tokenAmount }).nullable(),
    quotaGranted: tokenAmount.nullable(),
    quotaUsed: tokenAmount.nullable(),
    positionId: bigIntString.nullable(),
    releasesUntil: dateTimeString.nullable(),
    bound: z.object({ kind: z.enum(["MIN_RECEIVED", "MAX_FEE"]), amount: tokenAmount }).nullable(),
    simulatedAtBlock: bigIntString,
  }),
  links: z.object({
    page: z.string(),
    metamask: z.string(),
    trust: z.string(),
    okx: z.string(),
    eip681: z.string().nullable(),
    qrCode: z.string(),
  }),
});

/** A stored transaction plan waiting for (or done with) the member's signatures. */
export type SigningIntent = z.output<typeof signingIntent>;
