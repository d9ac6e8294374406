import type { ProtocolParameters } from "@luma-pulse/protocol";
import type { Address } from "viem";
import { builder } from "../builder.ts";
import type { BlockSnapshot } from "../chain/createBlockSnapshot.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import { readProtocolParametersAt } from "../chain/readProtocolParameters.ts";

type ContractRef = { name: string; address: Address };
type Protocol = {
  chainId: number;
  block: BlockRef;
  /** The head's shared reads: chain figures load once per block for all requests. */
  snapshot: BlockSnapshot;
};

export const BlockRefType = builder.objectRef<BlockRef>("Block").implement({
  description: "A block the answer was read at: every figure says how fresh it is.",
  fields: (t) => ({
    number: t.expose("number", { type: "BigInt" }),
    timestamp: t.expose("timestamp", { type: "DateTime" }),
  }),
});

const ContractRefType = builder.objectRef<ContractRef>("Contract").implement({
  fields: (t) => ({
    name: t.exposeString("name", { description: "The manifest's name for it, e.g. optionStaking." }),
    address: t.expose("address", { type: "Address" }),
  }),
});

const IndexerStatusType = builder
  .objectRef<{ headBlock?: bigint; indexedBlock?: bigint; lagBlocks?: bigint }>("IndexerStatus")
  .implement({
    description: "How far the gateway's event index is behind the chain (null until it has looked).",
    fields: (t) => ({
      headBlock: t.expose("headBlock", { type: "BigInt", nullable: true }),
      indexedBlock: t.expose("indexedBlock", { type: "BigInt", nullable: true }),
      lagBlocks: t.expose("lagBlocks", { type: "BigInt", nullable: true }),
    }),
  });

const OptionParametersType = builder
  .objectRef<ProtocolParameters["option"]>("OptionStakingParameters")
  .implement({
    description: "Terms for option-staking positions opened now (open positions keep their own).",
    fields: (t) => ({
      dailyRateBps: t.expose("dailyRateBps", {
        type: "BigInt",
        description: "LUMA earned per day, bps of principal.",
      }),
      capBps: t.expose("capBps", {
        type: "BigInt",
        description: "Total a position can earn, bps of principal.",
      }),
      releasePeriodSeconds: t.expose("releasePeriod", { type: "BigInt" }),
      earlyFeeBps: t.expose("earlyFeeBps", {
        type: "BigInt",
        description: "Fee for a reward with the whole period left.",
      }),
      soraQuotaBps: t.expose("soraQuotaBps", {
        type: "BigInt",
        description: "SORA quota per LUMA of principal, bps.",
      }),
    }),
  });

const RebaseParametersType = builder
  .objectRef<ProtocolParameters["rebase"]>("RebaseStakingParameters")
  .implement({
    fields: (t) => ({
      epochLengthSeconds: t.expose("epochLength", { type: "BigInt" }),
      rebaseRateBps: t.expose("rebaseRateBps", {
        type: "BigInt",
        description: "Index growth per epoch, bps.",
      }),
      claimFeeBps: t.expose("claimFeeBps", { type: "BigInt", description: "Fee on unstaking, bps." }),
    }),
  });

const FeeParametersType = builder.objectRef<ProtocolParameters["fees"]>("FeeParameters").implement({
  fields: (t) => ({
    buybackShareBps: t.expose("buybackShareBps", {
      type: "BigInt",
      description: "Share of fees that buys back SORA.",
    }),
    buybackThreshold: t.expose("buybackThreshold", {
      type: "BigInt",
      description: "LUMA (base units) before a buyback.",
    }),
  }),
});

const ParametersType = builder.objectRef<ProtocolParameters>("ProtocolParameters").implement({
  fields: (t) => ({
    option: t.expose("option", { type: OptionParametersType }),
    rebase: t.expose("rebase", { type: RebaseParametersType }),
    fees: t.expose("fees", { type: FeeParametersType }),
  }),
});

const ProtocolType = builder.objectRef<Protocol>("Protocol").implement({
  description: "The deployment this gateway serves: chain, freshness, contracts and parameters.",
  fields: (t) => ({
    chainId: t.exposeInt("chainId"),
    block: t.expose("block", { type: BlockRefType, description: "The block every figure here was read at." }),
    indexer: t.field({ type: IndexerStatusType, resolve: (_, __, ctx) => ctx.indexerStatus() }),
    contracts: t.field({
      type: [ContractRefType],
      resolve: (_, __, ctx) =>
        Object.entries(ctx.manifest.contracts).map(([name, address]) => ({ name, address })),
    }),
    parameters: t.field({
      type: ParametersType,
      resolve: (protocol, _, ctx) =>
        readProtocolParametersAt(protocol.snapshot, ctx.client, ctx.manifest.contracts),
    }),
  }),
});

builder.queryField("protocol", (t) =>
  t.field({
    type: ProtocolType,
    description: "The chain, the latest block, the indexer's lag, every contract and every parameter.",
    resolve: async (_, __, ctx) => {
      const snapshot = await ctx.chainHead.current();
      return { chainId: ctx.manifest.chainId, block: snapshot.block, snapshot };
    },
  }),
);
