import { signableCallInputs } from "@luma-pulse/protocol";
import { getAddress } from "viem";
import type { PlanAmount, PlanOutcome } from "../actions/TransactionPlan.ts";
import { builder } from "../builder.ts";
import { type IntentRecord, requireIntent } from "../intents/IntentRecord.ts";
import { shownIntentStatus } from "../intents/intentStatus.ts";
import { type IntentStepView, planOf, requestLocale, stepsOf } from "../intents/intentView.ts";
import { type PublicChain, publicChainOf } from "../intents/publicChain.ts";
import { reportIntentTransaction } from "../intents/reportIntentTransaction.ts";
import { signingLinks } from "../intents/signingLinks.ts";
import { summarizeStep } from "../intents/stepSummary.ts";
import { streamIntent } from "../intents/streamIntent.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

const ActionKindType = builder.enumType("ActionKind", {
  description: "A staking action a member signs from a chat.",
  values: {
    STAKE_POP: { value: "stakePop" },
    STAKE_LUMA: { value: "stakeLuma" },
    UNSTAKE_LUMA: { value: "unstakeLuma" },
    CLAIM_RELEASED: { value: "claimReleased" },
    RELEASE_EARLY: { value: "releaseEarly" },
    BUY_SORA: { value: "buySora" },
    SELL_SORA: { value: "sellSora" },
  } as const,
});

const IntentStatusType = builder.enumType("IntentStatus", {
  values: {
    PENDING: {
      value: "pending",
      description: "Waiting for the member's wallet; no transaction reported yet.",
    },
    SUBMITTED: {
      value: "submitted",
      description: "A transaction was reported; not every step is mined yet.",
    },
    CONFIRMED: { value: "confirmed", description: "Every step mined, succeeded and matched the plan." },
    FAILED: {
      value: "failed",
      description: "A step reverted (older intents: or its transaction did not match the plan).",
    },
    DROPPED: {
      value: "dropped",
      description: "A transaction vanished (chain reorg, or never seen by the node).",
    },
    EXPIRED: {
      value: "expired",
      description:
        "`expiresAt` passed with a step never reported (nothing signed, or stopped half-way): final; " +
        "steps already reported are still followed. Ask for a new link.",
    },
  } as const,
});

const IntentTxStatusType = builder.enumType("IntentTxStatus", {
  values: {
    PENDING: { value: "pending", description: "Reported, not mined yet." },
    MINED: { value: "mined", description: "Mined, succeeded, and matches the step." },
    REVERTED: { value: "reverted" },
    MISMATCHED: {
      value: "mismatched",
      description:
        "Mined, but not from the account or not the step's call. Only on old intents: such a report is " +
        "now refused, or removed when the watcher finds it.",
    },
    DROPPED: { value: "dropped" },
  } as const,
});

const PlanStepKindType = builder.enumType("PlanStepKind", {
  values: { APPROVE: { value: "approve" }, ACTION: { value: "action" } } as const,
});

const PlanBoundKindType = builder.enumType("PlanBoundKind", {
  values: { MIN_RECEIVED: { value: "minReceived" }, MAX_FEE: { value: "maxFee" } } as const,
});

const amountOf = (amount: PlanAmount) => tokenAmount(amount.raw, amount.symbol);

const IntentChainType = builder.objectRef<PublicChain>("IntentChain").implement({
  description: "The chain to sign on, as `wallet_addEthereumChain` needs it.",
  fields: (t) => ({
    id: t.exposeInt("id"),
    name: t.exposeString("name", {
      description: 'PUBLIC_CHAIN_NAME, else a known name for the chain id, else "Chain <id>".',
    }),
    rpcUrl: t.exposeString("rpcUrl", {
      nullable: true,
      description:
        "A JSON-RPC URL wallets may be given: PUBLIC_RPC_URL, else the devnet's loopback URL, else null " +
        "(the gateway's own RPC URL is never published): then the wallet is only asked to switch chains.",
    }),
  }),
});

const CallArgumentType = builder
  .objectRef<{ name: string; type: string; value: string }>("CallArgument")
  .implement({
    description: "One argument of a step's call, labelled from the contract's ABI.",
    fields: (t) => ({
      name: t.exposeString("name"),
      type: t.exposeString("type"),
      value: t.exposeString("value", { description: "uints in decimal, addresses checksummed." }),
    }),
  });

const IntentStepType = builder.objectRef<IntentStepView>("IntentStep").implement({
  description: "One transaction of the plan, sent in order: an approval, then the action.",
  fields: (t) => ({
    index: t.exposeInt("index"),
    kind: t.field({ type: PlanStepKindType, resolve: (s) => s.step.kind }),
    contract: t.string({
      description: 'The deployment manifest\'s name of the contract called, e.g. "rebaseStaking".',
      resolve: (s) => s.step.call.contract,
    }),
    to: t.field({ type: "Address", resolve: (s) => getAddress(s.step.to) }),
    data: t.string({
      description: "The calldata: exactly encodeSignableCall of the call.",
      resolve: (s) => s.step.data,
    }),
    value: t.field({ type: "BigInt", resolve: (s) => s.step.value }),
    gas: t.field({ type: "BigInt", description: "Gas limit to send with.", resolve: (s) => s.step.gas }),
    functionName: t.string({ resolve: (s) => s.step.call.functionName }),
    args: t.field({
      type: [CallArgumentType],
      description: "In ABI order.",
      resolve: (s) =>
        signableCallInputs(s.step.call).inputs.map((input, i) => ({
          ...input,
          value: s.step.call.args[i] ?? "",
        })),
    }),
    summary: t.string({
      description: "What the step does, in one line, in the request's language (Accept-Language: en or zh).",
      resolve: (s, _args, ctx) => summarizeStep(s.step, ctx.manifest, requestLocale(ctx)),
    }),
    status: t.field({
      type: IntentTxStatusType,
      nullable: true,
      description: "Null until a transaction is reported for the step.",
      resolve: (s) => s.tx?.status ?? null,
    }),
    txHash: t.string({ nullable: true, resolve: (s) => s.tx?.txHash ?? null }),
  }),
});

type Fee = NonNullable<PlanOutcome["fee"]>;
const PlanFeeType = builder.objectRef<Fee>("PlanFee").implement({
  description: "The protocol fee: part buys back (and burns) SORA, the rest of it is burned as LUMA now.",
  fields: (t) => ({
    amount: t.field({ type: TokenAmountType, resolve: (f) => amountOf(f.amount) }),
    toBuyback: t.field({ type: TokenAmountType, resolve: (f) => tokenAmount(f.toBuyback, f.amount.symbol) }),
    burned: t.field({ type: TokenAmountType, resolve: (f) => tokenAmount(f.burned, f.amount.symbol) }),
  }),
});

type Bound = NonNullable<PlanOutcome["bound"]>;
const PlanBoundType = builder.objectRef<Bound>("PlanBound").implement({
  description: "The slippage bound written into the call: the transaction reverts beyond it.",
  fields: (t) => ({
    kind: t.field({ type: PlanBoundKindType, resolve: (b) => b.kind }),
    amount: t.field({ type: TokenAmountType, resolve: (b) => amountOf(b.amount) }),
  }),
});

const PlanOutcomeType = builder.objectRef<PlanOutcome>("PlanOutcome").implement({
  description: "What a simulation of every step, in order, says will happen.",
  fields: (t) => ({
    spend: t.field({ type: [TokenAmountType], resolve: (o) => o.spend.map(amountOf) }),
    receive: t.field({ type: [TokenAmountType], resolve: (o) => o.receive.map(amountOf) }),
    fee: t.field({ type: PlanFeeType, nullable: true, resolve: (o) => o.fee ?? null }),
    quotaGranted: t.field({
      type: TokenAmountType,
      nullable: true,
      description: "SORA buy quota granted.",
      resolve: (o) => (o.quotaGranted === undefined ? null : tokenAmount(o.quotaGranted, "SORA")),
    }),
    quotaUsed: t.field({
      type: TokenAmountType,
      nullable: true,
      description: "SORA buy quota used.",
      resolve: (o) => (o.quotaUsed === undefined ? null : tokenAmount(o.quotaUsed, "SORA")),
    }),
    positionId: t.field({ type: "BigInt", nullable: true, resolve: (o) => o.positionId ?? null }),
    principal: t.field({
      type: TokenAmountType,
      nullable: true,
      description:
        "A new option position's principal: the staked POP's value in LUMA, which rewards are a share of.",
      resolve: (o) => (o.principal ? amountOf(o.principal) : null),
    }),
    releasesUntil: t.field({ type: "DateTime", nullable: true, resolve: (o) => o.releasesUntil ?? null }),
    bound: t.field({ type: PlanBoundType, nullable: true, resolve: (o) => o.bound ?? null }),
    simulatedAtBlock: t.field({ type: "BigInt", resolve: (o) => o.simulatedAtBlock }),
  }),
});

const SigningLinksType = builder.objectRef<ReturnType<typeof signingLinks>>("SigningLinks").implement({
  description:
    "Ways to open the signing page: directly, inside a wallet's browser, as EIP-681, as a QR code.",
  fields: (t) => ({
    page: t.exposeString("page", { description: "<PUBLIC_URL>/sign/<id>" }),
    metamask: t.exposeString("metamask", { description: "Opens the page in MetaMask mobile's browser." }),
    trust: t.exposeString("trust", { description: "Opens the page in Trust Wallet's browser." }),
    okx: t.exposeString("okx", { description: "Opens the page in OKX Wallet's browser." }),
    eip681: t.exposeString("eip681", {
      nullable: true,
      description: "An EIP-681 transaction request; only for a plan of a single call.",
    }),
    qrCode: t.exposeString("qrCode", { description: "A PNG QR code of `page`, for desktop users." }),
  }),
});

/** A stored transaction plan waiting for (or done with) its account's signatures. */
export const SigningIntentRef = builder.objectRef<IntentRecord>("SigningIntent").implement({
  description:
    "A transaction plan stored for signing: the link `/sign/<id>` carries only `id`. Single use; expires " +
    "unless a transaction is reported before `expiresAt`; then followed on chain until confirmed.",
  fields: (t) => ({
    id: t.exposeID("id"),
    action: t.field({ type: ActionKindType, resolve: (i) => planOf(i).action }),
    status: t.field({ type: IntentStatusType, resolve: (i) => shownIntentStatus(i) }),
    failureReason: t.string({
      nullable: true,
      description: "Why it failed or was dropped: STEP_REVERTED, TX_MISMATCH, REORGED_OUT or TX_NOT_FOUND.",
      resolve: (i) => i.failureReason,
    }),
    chain: t.field({
      type: IntentChainType,
      resolve: (i, _args, ctx) => publicChainOf(i.chainId, ctx.manifest.rpcUrl, ctx.signing),
    }),
    account: t.field({
      type: "Address",
      description: "Must sign every step.",
      resolve: (i) => getAddress(i.account),
    }),
    verificationCode: t.exposeString("verificationCode", {
      description:
        'Shown by the bot and by the page (e.g. "K7P-4QX"): the member sees they opened their link.',
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    amountInput: t.string({
      nullable: true,
      description: 'The amount as the member wrote it ("100", "0.5", "max").',
      resolve: (i) => planOf(i).input.amount ?? null,
    }),
    amount: t.field({
      type: TokenAmountType,
      nullable: true,
      resolve: (i) => {
        const resolved = planOf(i).input.resolved;
        return resolved ? amountOf(resolved) : null;
      },
    }),
    positionId: t.field({
      type: "BigInt",
      nullable: true,
      resolve: (i) => planOf(i).input.positionId ?? null,
    }),
    steps: t.field({ type: [IntentStepType], resolve: stepsOf }),
    outcome: t.field({ type: PlanOutcomeType, resolve: (i) => planOf(i).outcome }),
    links: t.field({
      type: SigningLinksType,
      resolve: (i, _args, ctx) =>
        signingLinks(ctx.signing.publicUrl, { id: i.id, chainId: i.chainId, steps: planOf(i).steps }),
    }),
  }),
});

builder.queryField("intent", (t) =>
  t.field({
    type: SigningIntentRef,
    description: "A signing intent by the id its link carries; UNKNOWN_INTENT when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => requireIntent(ctx.prisma, String(args.id)),
  }),
);

builder.mutationField("reportIntentTransaction", (t) =>
  t.field({
    type: SigningIntentRef,
    description:
      "The signing page reports the transaction it sent for a step (single use: one transaction per step, " +
      "steps in order, each once the previous one is mined, until `expiresAt`). Only the account's own " +
      "transaction of exactly the step, sent after the plan was built, is taken (else UNKNOWN_TX, " +
      "TX_NOT_FOR_STEP or TX_BEFORE_PLAN, and nothing changes). The gateway then follows it on chain.",
    args: {
      id: t.arg.id({ required: true }),
      step: t.arg.int({ required: true }),
      txHash: t.arg.string({ required: true, description: "0x followed by 64 hex digits." }),
    },
    resolve: (_root, args, ctx) =>
      reportIntentTransaction(
        {
          prisma: ctx.prisma,
          client: ctx.client,
          checkIntent: ctx.intents.checkIntent,
          publish: ctx.intents.updates.publish,
        },
        { id: String(args.id), step: args.step, txHash: args.txHash },
      ),
  }),
);

builder.subscriptionField("intentUpdated", (t) =>
  t.field({
    type: SigningIntentRef,
    description: "Intent `id` now, then every time it changes (a report, a confirmation, expiry, a reorg).",
    args: { id: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      // An unknown id fails the request itself, before any stream starts.
      await requireIntent(ctx.prisma, String(args.id));
      return streamIntent({ prisma: ctx.prisma, updates: ctx.intents.updates }, String(args.id));
    },
    resolve: (intent) => intent,
  }),
);
