import type { Address } from "viem";
import { getAddress } from "viem";
import { builder } from "../builder.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import { domainError } from "../errors/domainError.ts";
import type { FeedEvent } from "../events/EventKind.ts";
import { decodeEventId, type EventStreamName, encodeEventId } from "../events/eventId.ts";
import { type RebaseEvent, rebaseEvents } from "../events/rebaseEvents.ts";
import { type SoraBurnEvent, soraBurnEvents } from "../events/soraBurnEvents.ts";
import { type StakeEvent, stakeEvents } from "../events/stakeEvents.ts";
import { streamEvents } from "../events/streamEvents.ts";
import { BlockRefType } from "./protocol.ts";
import { BurnReasonType } from "./soraBurns.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

/** 10,000 LUMA: what `largeStake` calls large unless told otherwise. */
const DEFAULT_LARGE_STAKE = 10_000n * 10n ** 18n;

builder.subscriptionType({
  description:
    "Live protocol events over GraphQL over SSE (POST with `accept: text/event-stream`). Each event has an " +
    "`id`: pass the last one you received as `after` to get what you missed, then live events, with no gap " +
    "and no duplicate. Without `after`, a stream starts where this gateway's index is: an event mined just " +
    "before subscribing may still arrive. Events come once indexed (a few hundred ms after they are mined); " +
    "after a chain reorg a stream steps back to the fork, so an event may come again with the same id.",
});

const blockOf = (event: FeedEvent): BlockRef => ({
  number: event.position.blockNumber,
  hash: event.blockHash as BlockRef["hash"],
  timestamp: event.blockTime,
  unixTime: BigInt(Math.floor(event.blockTime.getTime() / 1000)),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The fields every event type shares: its resume id, where it was mined, and the transaction. */
function eventFields<E extends FeedEvent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, E>,
  stream: EventStreamName,
) {
  return {
    id: t.string({
      description: "Opaque and ordered: pass it as `after` to resume after this event.",
      resolve: (event) => encodeEventId(stream, event.position),
    }),
    block: t.field({ type: BlockRefType, resolve: blockOf }),
    txHash: t.string({ resolve: (event) => event.txHash }),
    logIndex: t.int({ resolve: (event) => event.position.logIndex }),
  };
}

const SoraBurnedEventType = builder.objectRef<SoraBurnEvent>("SoraBurnedEvent").implement({
  description: "A SORA burn, as it is indexed.",
  fields: (t) => ({
    ...eventFields(t, "burn"),
    amount: t.field({ type: TokenAmountType, resolve: (e) => tokenAmount(e.amount, "SORA") }),
    reason: t.field({ type: BurnReasonType, resolve: (e) => e.reason }),
    totalBurned: t.field({
      type: TokenAmountType,
      description: "Total SORA burned after this burn.",
      resolve: (e) => tokenAmount(e.totalBurned, "SORA"),
    }),
    from: t.field({
      type: "Address",
      description:
        "The address the SORA was burned from: the SORA/LUMA pool for a sell, the buyback for a buyback.",
      resolve: (e) => getAddress(e.from),
    }),
  }),
});

const RebasedEventType = builder.objectRef<RebaseEvent>("RebasedEvent").implement({
  description: "A rebase epoch: the sLUMA index grew, backed by freshly minted LUMA.",
  fields: (t) => ({
    ...eventFields(t, "rebase"),
    epoch: t.expose("epoch", { type: "BigInt" }),
    epochTime: t.expose("epochTime", { type: "DateTime", description: "When the epoch was due." }),
    index: t.expose("index", {
      type: "BigInt",
      description: "The index after this rebase, fixed point with 18 decimals (1e18 = 1.0).",
    }),
    lumaMinted: t.field({
      type: TokenAmountType,
      description: "LUMA minted to back the growth (supply inflation).",
      resolve: (e) => tokenAmount(e.lumaMinted, "LUMA"),
    }),
    totalStaked: t.field({ type: TokenAmountType, resolve: (e) => tokenAmount(e.totalStaked, "LUMA") }),
  }),
});

const StakeKindType = builder.enumType("StakeKind", {
  description: "OPTION: POP paired into a locked position; REBASE: LUMA staked for sLUMA.",
  values: { OPTION: { value: "option" }, REBASE: { value: "rebase" } } as const,
});

const LargeStakeEventType = builder.objectRef<StakeEvent>("LargeStakeEvent").implement({
  description: "A stake at or above the subscriber's threshold, valued in LUMA.",
  fields: (t) => ({
    ...eventFields(t, "stake"),
    kind: t.field({ type: StakeKindType, resolve: (e) => e.kind }),
    staker: t.field({ type: "Address", resolve: (e) => getAddress(e.staker) as Address }),
    luma: t.field({
      type: TokenAmountType,
      description: "OPTION: the position's principal in LUMA; REBASE: the LUMA staked.",
      resolve: (e) => tokenAmount(e.luma, "LUMA"),
    }),
    pop: t.field({
      type: TokenAmountType,
      nullable: true,
      description: "OPTION only: the POP staked.",
      resolve: (e) => (e.pop === undefined ? null : tokenAmount(e.pop, "POP")),
    }),
    positionId: t.field({
      type: "BigInt",
      nullable: true,
      description: "OPTION only: the new position.",
      resolve: (e) => e.positionId ?? null,
    }),
  }),
});

/** A minimum amount argument: zero or more base units. */
function assertAmount(name: string, value: bigint | null | undefined): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  if (value < 0n) throw domainError("AMOUNT_OUT_OF_RANGE", { name, value: value.toString() });
  return value;
}

const AFTER = "The `id` of the last event you received: resume after it.";

builder.subscriptionField("soraBurned", (t) =>
  t.field({
    type: SoraBurnedEventType,
    description:
      "Every SORA burn from now on (or after `after`), optionally from `minAmount` and of one reason.",
    args: {
      minAmount: t.arg({ type: "BigInt", required: false, description: "In SORA base units (18 decimals)." }),
      reason: t.arg({ type: BurnReasonType, required: false }),
      after: t.arg.string({ required: false, description: AFTER }),
    },
    subscribe: (_, args, ctx) => {
      const minAmount = assertAmount("minAmount", args.minAmount);
      const after = args.after ? decodeEventId("burn", args.after) : undefined;
      const filter = { minAmount, reason: args.reason ?? undefined };
      return streamEvents(ctx.events, soraBurnEvents, { filter, after });
    },
    resolve: (event) => event,
  }),
);

builder.subscriptionField("rebased", (t) =>
  t.field({
    type: RebasedEventType,
    description: "Every rebase epoch from now on (or after `after`).",
    args: { after: t.arg.string({ required: false, description: AFTER }) },
    subscribe: (_, args, ctx) => {
      const after = args.after ? decodeEventId("rebase", args.after) : undefined;
      return streamEvents(ctx.events, rebaseEvents, { filter: {}, after });
    },
    resolve: (event) => event,
  }),
);

builder.subscriptionField("largeStake", (t) =>
  t.field({
    type: LargeStakeEventType,
    description:
      "Option stakes whose principal, and rebase stakes whose LUMA, is at least `minAmount` (LUMA base " +
      "units; default 10,000 LUMA), from now on (or after `after`).",
    args: {
      minAmount: t.arg({ type: "BigInt", required: false, defaultValue: DEFAULT_LARGE_STAKE }),
      after: t.arg.string({ required: false, description: AFTER }),
    },
    subscribe: (_, args, ctx) => {
      const minLuma = assertAmount("minAmount", args.minAmount);
      const after = args.after ? decodeEventId("stake", args.after) : undefined;
      return streamEvents(ctx.events, stakeEvents, { filter: { minLuma }, after });
    },
    resolve: (event) => event,
  }),
);
