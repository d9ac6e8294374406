import { renderBurnChart } from "../../charts/renderBurnChart.ts";
import { renderRebaseChart } from "../../charts/renderRebaseChart.ts";
import { type BurnInterval, getBurnSeries } from "../../gateway/operations/getBurnSeries.ts";
import { getLatestBurns } from "../../gateway/operations/getLatestBurns.ts";
import { getPrices } from "../../gateway/operations/getPrices.ts";
import { getRebaseHistory } from "../../gateway/operations/getRebaseHistory.ts";
import { getSoraStats, type SoraStats } from "../../gateway/operations/getSoraStats.ts";
import { getYields } from "../../gateway/operations/getYields.ts";
import { burnsView } from "../../views/burnsView.ts";
import { helpView } from "../../views/helpView.ts";
import { priceView } from "../../views/priceView.ts";
import { soraView } from "../../views/soraView.ts";
import { NET_APY_HOLDING_DAYS, yieldsView } from "../../views/yieldsView.ts";
import type { CommandContext } from "../CommandContext.ts";
import { type Handler, viewReply } from "./Handler.ts";

/** Burns listed by /burns. */
export const LATEST_BURNS_SHOWN = 10;

const DAY_MS = 86_400_000;

export const help: Handler<"help"> = async (ctx) => viewReply(helpView(ctx.locale, ctx.platform));

/** /yields; with charts, the rebase index and its realised APY over the last 30 days (read alongside). */
export const yields: Handler<"yields"> = async (ctx) => {
  const [data, chart] = await Promise.all([
    getYields(ctx.gateway, { locale: ctx.locale, holdingDays: NET_APY_HOLDING_DAYS, signal: ctx.signal }),
    ctx.charts ? rebaseChart(ctx) : undefined,
  ]);
  return viewReply(yieldsView(ctx.locale, data, chart));
};

async function rebaseChart(ctx: CommandContext) {
  const history = await getRebaseHistory(ctx.gateway, {
    locale: ctx.locale,
    interval: "DAY",
    signal: ctx.signal,
  });
  return renderRebaseChart(ctx.locale, history.points);
}

export const sora: Handler<"sora"> = async (ctx) => {
  const stats = await getSoraStats(ctx.gateway, { locale: ctx.locale, signal: ctx.signal });
  const chart = ctx.charts ? await burnChart(ctx, stats) : undefined;
  return viewReply(soraView(ctx.locale, stats, chart));
};

/** Daily buckets while the milestones fit in the last 30 days, weekly (52 weeks) for a longer history. */
export function burnChartInterval(stats: Pick<SoraStats, "milestones" | "block">): BurnInterval {
  const first = stats.milestones[0]?.reachedAt;
  return first && stats.block.timestamp.getTime() - first.getTime() > 30 * DAY_MS ? "WEEK" : "DAY";
}

async function burnChart(ctx: CommandContext, stats: SoraStats) {
  const series = await getBurnSeries(ctx.gateway, {
    locale: ctx.locale,
    interval: burnChartInterval(stats),
    signal: ctx.signal,
  });
  return renderBurnChart(ctx.locale, {
    buckets: series.burnSeries,
    milestones: series.milestones,
    maxSupply: series.maxSupply.raw,
  });
}

export const burns: Handler<"burns"> = async (ctx) => {
  const latest = await getLatestBurns(ctx.gateway, {
    locale: ctx.locale,
    first: LATEST_BURNS_SHOWN,
    signal: ctx.signal,
  });
  return viewReply(burnsView(ctx.locale, latest, ctx.explorer));
};

export const price: Handler<"price"> = async (ctx) => {
  const prices = await getPrices(ctx.gateway, { locale: ctx.locale, signal: ctx.signal });
  return viewReply(priceView(ctx.locale, prices));
};
