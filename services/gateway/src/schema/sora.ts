import { formatAmount, percentOf, SORA_MAX_SUPPLY, soraPrice } from "@luma-pulse/protocol";
import { builder } from "../builder.ts";
import type { BlockSnapshot } from "../chain/createBlockSnapshot.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import { readSoraMarket } from "../chain/readSoraMarket.ts";
import { type BurnMilestone, readBurnMilestones } from "../db/readBurnMilestones.ts";
import { type BurnStats, readBurnStats } from "../db/readBurnStats.ts";
import { readFirstReserves } from "../db/readLaunchPrices.ts";
import { BlockRefType } from "./protocol.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

type SoraPrice = { lumaPerSora: bigint; usdPerSora: bigint; launchUsdPerSora?: bigint };

const SoraPriceType = builder.objectRef<SoraPrice>("SoraPrice").implement({
  description: "SORA's pool price: SORA/LUMA reserves, and in USD through the LUMA/USDT pool.",
  fields: (t) => ({
    luma: t.string({
      description: "LUMA per SORA, decimal.",
      resolve: (p) => formatAmount(p.lumaPerSora, 18, { maxFractionDigits: 8, grouping: false }),
    }),
    usd: t.string({
      description: "USD per SORA, decimal (USDT's 6 decimals).",
      resolve: (p) => formatAmount(p.usdPerSora, 6, { maxFractionDigits: 6, grouping: false }),
    }),
    launchUsd: t.string({
      nullable: true,
      description: "USD per SORA at launch (the pools' first indexed reserves).",
      resolve: (p) =>
        p.launchUsdPerSora === undefined
          ? null
          : formatAmount(p.launchUsdPerSora, 6, { maxFractionDigits: 6, grouping: false }),
    }),
    multipleSinceLaunch: t.string({
      nullable: true,
      description: "Price now ÷ price at launch, two decimals (e.g. 120.00 for 120×).",
      resolve: (p) =>
        p.launchUsdPerSora
          ? formatAmount((p.usdPerSora * 100n) / p.launchUsdPerSora, 2, { grouping: false })
          : null,
    }),
  }),
});

const MilestoneType = builder.objectRef<BurnMilestone>("BurnMilestone").implement({
  description: "A share of the fixed supply burned, and the burn that crossed it.",
  fields: (t) => ({
    percent: t.exposeInt("percent"),
    reachedAt: t.expose("reachedAt", { type: "DateTime" }),
    blockNumber: t.expose("blockNumber", { type: "BigInt" }),
    txHash: t.exposeString("txHash"),
  }),
});

type SoraStats = {
  chainId: number;
  /** Both burn-rate fields share one database read (per block, for all requests). */
  burnStats: () => Promise<BurnStats>;
  block: BlockRef;
  /** The head's shared reads: a field that loads more uses `snapshot.indexed` / `snapshot.chain`. */
  snapshot: BlockSnapshot;
  totalSupply: bigint;
  burned: bigint;
  price: SoraPrice;
};

/** Exported so that other files add their `sora { … }` fields to it (e.g. schema/soraBurns.ts). */
export const SoraStatsType = builder.objectRef<SoraStats>("SoraStats").implement({
  description:
    "SORA's deflation: fixed supply of 210,000,000; every sell and every buyback burns. Supply and price " +
    "are read from the chain at `block`; burn rates and milestones from the indexed burns.",
  fields: (t) => ({
    block: t.expose("block", { type: BlockRefType }),
    maxSupply: t.field({ type: TokenAmountType, resolve: () => tokenAmount(SORA_MAX_SUPPLY, "SORA") }),
    burned: t.field({ type: TokenAmountType, resolve: (s) => tokenAmount(s.burned, "SORA") }),
    burnedPercent: t.string({
      description: "Burned share of the 210,000,000 supply, two decimals (e.g. 76.70).",
      resolve: (s) => percentOf(s.burned, SORA_MAX_SUPPLY, 2),
    }),
    circulating: t.field({
      type: TokenAmountType,
      description: "210,000,000 − burned (the ERC-20 totalSupply).",
      resolve: (s) => tokenAmount(s.totalSupply, "SORA"),
    }),
    burned24h: t.field({
      type: TokenAmountType,
      description: "Burned in the 24 h of chain time before `block`.",
      resolve: async (s) => tokenAmount((await s.burnStats()).burned24h, "SORA"),
    }),
    burned7d: t.field({
      type: TokenAmountType,
      description: "Burned in the 7 days of chain time before `block`.",
      resolve: async (s) => tokenAmount((await s.burnStats()).burned7d, "SORA"),
    }),
    price: t.expose("price", { type: SoraPriceType }),
    milestones: t.field({
      type: [MilestoneType],
      description: "Milestones reached so far: every 10%, and every point from 70%.",
      resolve: (s, _, ctx) =>
        s.snapshot.indexed("burnMilestones", () => readBurnMilestones(ctx.prisma, s.chainId)),
    }),
  }),
});

builder.queryField("sora", (t) =>
  t.field({
    type: SoraStatsType,
    description:
      "SORA supply, burns (total, %, 24 h / 7 d), circulating, price and its multiple since launch.",
    resolve: async (_, __, ctx) => {
      // Read once per block for every request at it (chain/createChainHead.ts).
      const snapshot = await ctx.chainHead.current();
      const { block } = snapshot;
      const { contracts, chainId } = ctx.manifest;
      const [market, [launchSora, launchUsdt]] = await Promise.all([
        snapshot.chain("soraMarket", (at) => readSoraMarket(ctx.client, contracts, at.number)),
        snapshot.indexed("launchReserves", () =>
          Promise.all([
            readFirstReserves(ctx.prisma, chainId, contracts.soraLumaPool),
            readFirstReserves(ctx.prisma, chainId, contracts.lumaUsdtPool),
          ]),
        ),
      ]);
      const now = soraPrice(market.soraLumaReserves, market.lumaUsdtReserves);
      const launch = launchSora && launchUsdt ? soraPrice(launchSora, launchUsdt).usdPerSora : undefined;
      return {
        chainId,
        burnStats: () =>
          snapshot.indexed("burnStats", (at) => readBurnStats(ctx.prisma, chainId, at.timestamp)),
        block,
        snapshot,
        totalSupply: market.totalSupply,
        burned: market.totalBurned,
        price: { ...now, launchUsdPerSora: launch },
      };
    },
  }),
);
