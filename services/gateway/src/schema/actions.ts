import type { Address } from "viem";
import type { PlanChain } from "../actions/PlanChain.ts";
import { planBuySora } from "../actions/planBuySora.ts";
import { planClaimReleased } from "../actions/planClaimReleased.ts";
import { planReleaseEarly } from "../actions/planReleaseEarly.ts";
import { planSellSora } from "../actions/planSellSora.ts";
import { planStakeLuma } from "../actions/planStakeLuma.ts";
import { planStakePop } from "../actions/planStakePop.ts";
import { planUnstakeLuma } from "../actions/planUnstakeLuma.ts";
import type { TransactionPlan } from "../actions/TransactionPlan.ts";
import { builder } from "../builder.ts";
import type { GatewayContext } from "../context.ts";
import { createIntent } from "../intents/createIntent.ts";
import { SigningIntentRef } from "./intents.ts";

/** Stores a built plan as a signing intent (only once it is built: bad input never makes one). */
const storePlan = (ctx: GatewayContext, plan: TransactionPlan) =>
  createIntent(ctx.prisma, plan, { ttlMs: ctx.signing.intentTtlMs });

const PLAN =
  " The plan is simulated at the latest block (every step in order, from `account`) and stored as a signing " +
  "intent: its steps (an ERC-20 approval of the exact amount only when the allowance is short, then the call), " +
  "the outcome, the links to sign it. Bad input is refused with a coded error before any intent exists.";
const AMOUNT =
  'In whole tokens as a member writes it ("100", "0.5", "1,000.25"), or "max"; not scientific notation.';

const amountActions = [
  [
    "planStakePop",
    planStakePop,
    "Option staking: stake POP (locked for good) for a position earning LUMA and SORA quota. `amount`: POP.",
  ],
  ["planStakeLuma", planStakeLuma, "Rebase staking: stake LUMA for sLUMA. `amount`: LUMA."],
  [
    "planUnstakeLuma",
    planUnstakeLuma,
    'Rebase staking: unstake sLUMA for LUMA less the claim fee. `amount`: sLUMA ("max": all).',
  ],
  [
    "planBuySora",
    planBuySora,
    'Buy SORA with LUMA within the account\'s SORA quota. `amount`: LUMA to spend ("max": what buys the whole quota, or all the LUMA if less).',
  ],
  ["planSellSora", planSellSora, "Sell SORA for LUMA; the SORA sold is burned. `amount`: SORA."],
] as const satisfies readonly [
  string,
  (chain: PlanChain, account: Address, amount: string) => Promise<TransactionPlan>,
  string,
][];

for (const [name, plan, description] of amountActions) {
  builder.mutationField(name, (t) =>
    t.field({
      type: SigningIntentRef,
      description: description + PLAN,
      args: {
        account: t.arg({ type: "Address", required: true, description: "The wallet that signs every step." }),
        amount: t.arg.string({ required: true, description: AMOUNT }),
      },
      resolve: async (_root, args, ctx) => storePlan(ctx, await plan(ctx, args.account, args.amount)),
    }),
  );
}

const positionActions = [
  ["planClaimReleased", planClaimReleased, "Option staking: claim a position's released LUMA, free."],
  [
    "planReleaseEarly",
    planReleaseEarly,
    "Option staking: take everything a position has earned now; the part still releasing pays the early-release fee (SORA buyback and LUMA burn), bounded by `maxFee`.",
  ],
] as const satisfies readonly [
  string,
  (chain: PlanChain, account: Address, positionId: bigint) => Promise<TransactionPlan>,
  string,
][];

for (const [name, plan, description] of positionActions) {
  builder.mutationField(name, (t) =>
    t.field({
      type: SigningIntentRef,
      description: description + PLAN,
      args: {
        account: t.arg({
          type: "Address",
          required: true,
          description: "The wallet that holds the position.",
        }),
        positionId: t.arg({ type: "BigInt", required: true, description: "The option position's id." }),
      },
      resolve: async (_root, args, ctx) => storePlan(ctx, await plan(ctx, args.account, args.positionId)),
    }),
  );
}
