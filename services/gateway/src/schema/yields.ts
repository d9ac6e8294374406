import {
  annualizedPercent,
  netApyPercent,
  type ProtocolParameters,
  rebaseAprPercent,
  rebaseApyPercent,
} from "@luma-pulse/protocol";
import { rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { erc20Abi } from "viem";
import { builder } from "../builder.ts";
import type { BlockSnapshot } from "../chain/createBlockSnapshot.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import { readProtocolParametersAt } from "../chain/readProtocolParameters.ts";
import type { GatewayContext } from "../context.ts";
import { readIndexGrowth } from "../db/readIndexGrowth.ts";
import { readLumaNetMinted } from "../db/readLumaNetMinted.ts";
import { domainError } from "../errors/domainError.ts";
import { BlockRefType } from "./protocol.ts";

type Figure = { percent: string; basis: string };
type YieldsSource = {
  ctx: GatewayContext;
  block: BlockRef;
  /** The head's shared reads: index figures load once per block for all requests. */
  snapshot: BlockSnapshot;
  parameters: ProtocolParameters;
  nextRebaseTime: bigint;
  lumaSupply: bigint;
};

const FigureType = builder.objectRef<Figure>("YieldFigure").implement({
  description: "A yield in percent per year, with how it was computed (window, compounding, source).",
  fields: (t) => ({
    percent: t.exposeString("percent", { description: "Percent per year, two decimals (e.g. 54.75)." }),
    basis: t.exposeString("basis"),
  }),
});

const pct = (bps: bigint) => `${bps / 100n}.${(bps % 100n).toString().padStart(2, "0")}`;

async function realised(source: YieldsSource, days: number): Promise<Figure | null> {
  const { ctx, snapshot } = source;
  const growth = await snapshot.indexed(`indexGrowth:${days}d`, () =>
    readIndexGrowth(ctx.prisma, ctx.manifest.chainId, days),
  );
  if (!growth) return null;
  return {
    percent: annualizedPercent(growth.factor, growth.seconds),
    basis: `index growth from epoch ${growth.fromEpoch} to ${growth.toEpoch} (${(growth.seconds / 86_400).toFixed(1)} days of indexed rebases), annualized with compounding`,
  };
}

async function inflation(source: YieldsSource): Promise<Figure | null> {
  const { ctx, snapshot, lumaSupply } = source;
  if (lumaSupply === 0n) return null;
  const minted = await snapshot.indexed("lumaNetMinted:7d", (at) =>
    readLumaNetMinted(ctx.prisma, ctx.manifest.chainId, at.timestamp, 7),
  );
  const PRECISION = 10n ** 12n;
  // A supply ratio near 1 (not an amount), annualized over the 7-day window.
  const factor = Number(((lumaSupply + minted) * PRECISION) / lumaSupply) / Number(PRECISION);
  return {
    percent: annualizedPercent(factor, 7 * 86_400),
    basis:
      "LUMA minted in the last 7 days of chain time (rebases, option rewards and fees) minus LUMA burned from fees, over today's supply, annualized",
  };
}

const RebaseYieldsType = builder.objectRef<YieldsSource>("RebaseYields").implement({
  description: "Single-asset (rebase) staking of LUMA: sLUMA balances grow by the rate every epoch.",
  fields: (t) => ({
    ratePerEpochBps: t.field({ type: "BigInt", resolve: (s) => s.parameters.rebase.rebaseRateBps }),
    epochLengthSeconds: t.field({ type: "BigInt", resolve: (s) => s.parameters.rebase.epochLength }),
    claimFeeBps: t.field({ type: "BigInt", resolve: (s) => s.parameters.rebase.claimFeeBps }),
    nextRebaseAt: t.field({ type: "DateTime", resolve: (s) => new Date(Number(s.nextRebaseTime) * 1000) }),
    apr: t.field({
      type: FigureType,
      resolve: ({ parameters: { rebase } }) => ({
        percent: rebaseAprPercent(rebase.rebaseRateBps, rebase.epochLength),
        basis: "rate per epoch × epochs per 365-day year, simple (no compounding)",
      }),
    }),
    apy: t.field({
      type: FigureType,
      resolve: ({ parameters: { rebase } }) => ({
        percent: rebaseApyPercent(rebase.rebaseRateBps, rebase.epochLength),
        basis:
          "(1 + rate per epoch)^(epochs per 365-day year) − 1, compounded every epoch, before the claim fee",
      }),
    }),
    realised7d: t.field({ type: FigureType, nullable: true, resolve: (s) => realised(s, 7) }),
    realised30d: t.field({ type: FigureType, nullable: true, resolve: (s) => realised(s, 30) }),
    netApy: t.field({
      type: FigureType,
      description: "What a holder keeps per year after paying the claim fee once, for a holding period.",
      args: { holdingDays: t.arg.int({ required: true, defaultValue: 30, description: "1 to 3650 days." }) },
      resolve: ({ parameters: { rebase } }, { holdingDays }) => {
        if (holdingDays < 1 || holdingDays > 3650) {
          throw domainError("ARGUMENT_OUT_OF_RANGE", {
            name: "holdingDays",
            min: "1",
            max: "3650",
            value: String(holdingDays),
          });
        }
        const seconds = BigInt(holdingDays) * 86_400n;
        return {
          percent: netApyPercent(rebase.rebaseRateBps, rebase.epochLength, rebase.claimFeeBps, seconds),
          basis: `compounded over the epochs in ${holdingDays} days, less the ${pct(rebase.claimFeeBps)}% claim fee once, annualized`,
        };
      },
    }),
    lumaInflation: t.field({ type: FigureType, nullable: true, resolve: inflation }),
    realApy: t.field({
      type: FigureType,
      nullable: true,
      description:
        "Nominal APY minus LUMA inflation (percentage points): what staking earns against holders who do not stake.",
      resolve: async (s) => {
        const infl = await inflation(s);
        if (!infl) return null;
        const apy = Number.parseFloat(
          rebaseApyPercent(s.parameters.rebase.rebaseRateBps, s.parameters.rebase.epochLength),
        );
        return { percent: (apy - Number.parseFloat(infl.percent)).toFixed(2), basis: "apy − lumaInflation" };
      },
    }),
  }),
});

type FeePoint = { daysRemaining: number; feeBps: bigint };

const FeePointType = builder.objectRef<FeePoint>("EarlyReleaseFeePoint").implement({
  fields: (t) => ({
    daysRemaining: t.exposeInt("daysRemaining", { description: "Days a reward still has to release." }),
    feePercent: t.string({ resolve: (p) => pct(p.feeBps) }),
  }),
});

const OptionYieldsType = builder.objectRef<ProtocolParameters["option"]>("OptionYields").implement({
  description: "Option staking of POP, for positions opened now: daily rate up to a cap, released linearly.",
  fields: (t) => ({
    dailyRatePercent: t.string({ resolve: (o) => pct(o.dailyRateBps) }),
    capMultiple: t.string({
      description: "Total earnings as a multiple of principal.",
      resolve: (o) => pct(o.capBps / 100n),
    }),
    daysToCap: t.int({ resolve: (o) => Number(o.capBps / o.dailyRateBps) }),
    releasePeriodDays: t.int({ resolve: (o) => Number(o.releasePeriod / 86_400n) }),
    earlyFeeCurve: t.field({
      type: [FeePointType],
      description: "Fee for releasing a reward early, by the days it still has to release (linear to 0).",
      resolve: (o) => {
        const days = Number(o.releasePeriod / 86_400n);
        const step = Math.max(1, Math.round(days / 6));
        const points = Array.from({ length: Math.floor(days / step) + 1 }, (_, i) => days - i * step);
        if (points.at(-1) !== 0) points.push(0);
        return points.map((d) => ({
          daysRemaining: d,
          feeBps: (o.earlyFeeBps * BigInt(d) * 86_400n) / o.releasePeriod,
        }));
      },
    }),
    aprIfReleasedLinearly: t.field({
      type: FigureType,
      resolve: (o) => ({
        percent: pct(o.dailyRateBps * 365n),
        basis: "daily rate × 365, simple, every reward left to release for free (until the cap)",
      }),
    }),
    aprIfReleasedImmediately: t.field({
      type: FigureType,
      resolve: (o) => ({
        percent: pct((o.dailyRateBps * 365n * (10_000n - o.earlyFeeBps)) / 10_000n),
        basis:
          "daily rate × 365, less the full early-release fee on every reward taken the moment it is earned",
      }),
    }),
  }),
});

const YieldsType = builder.objectRef<YieldsSource>("Yields").implement({
  description: "Every yield the community asks about, each with its basis, read at `block`.",
  fields: (t) => ({
    block: t.field({ type: BlockRefType, resolve: (s) => s.block }),
    rebase: t.field({ type: RebaseYieldsType, resolve: (s) => s }),
    option: t.field({ type: OptionYieldsType, resolve: (s) => s.parameters.option }),
  }),
});

builder.queryField("yields", (t) =>
  t.field({
    type: YieldsType,
    description:
      "Rebase staking APR/APY (nominal, realised, net of the claim fee, real after inflation) and option staking terms.",
    resolve: async (_, __, ctx) => {
      // Read once per block for every request at it (chain/createChainHead.ts).
      const snapshot = await ctx.chainHead.current();
      const { contracts } = ctx.manifest;
      const [parameters, [nextRebaseTime, lumaSupply]] = await Promise.all([
        readProtocolParametersAt(snapshot, ctx.client, contracts),
        snapshot.chain("rebaseClockAndLumaSupply", (at) =>
          ctx.client.multicall({
            allowFailure: false,
            blockNumber: at.number,
            multicallAddress: contracts.multicall3,
            contracts: [
              { address: contracts.rebaseStaking, abi: rebaseStakingAbi, functionName: "nextRebaseTime" },
              { address: contracts.luma, abi: erc20Abi, functionName: "totalSupply" },
            ],
          }),
        ),
      ]);
      const { block } = snapshot;
      return {
        ctx,
        block,
        snapshot,
        parameters,
        nextRebaseTime,
        lumaSupply,
      };
    },
  }),
);
