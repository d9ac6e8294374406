import { percentOf } from "@luma-pulse/protocol";
import { createCanvas } from "@napi-rs/canvas";
import type { BurnBucket } from "../gateway/operations/getBurnSeries.ts";
import type { BurnMilestone } from "../gateway/operations/getSoraStats.ts";
import { formatShortDate } from "../i18n/format/formatDates.ts";
import { formatPercent } from "../i18n/format/formatNumbers.ts";
import { formatTokenNumber } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatChart } from "../views/ChatView.ts";
import { chartTheme, plotAreaOf } from "./chartTheme.ts";
import { drawFrame, strokeLine } from "./drawFrame.ts";
import { registerChartFonts } from "./registerChartFonts.ts";
import { linearScale, niceTicks, plotNumber, spreadIndexes } from "./scales.ts";

/** Milestone labels closer than this (pixels) would overlap: only the later one is written. */
const MIN_LABEL_GAP = 48;

/**
 * "SORA burned over time": the running total (line and area) over the buckets, each bucket's burn as
 * a bar, and a dashed mark with its percent at every milestone reached within the range.
 */
export async function renderBurnChart(
  locale: Locale,
  series: { buckets: readonly BurnBucket[]; milestones: readonly BurnMilestone[]; maxSupply: bigint },
): Promise<ChatChart> {
  registerChartFonts();
  const { width, height } = chartTheme;
  const area = plotAreaOf(width, height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const t = textsFor(locale).sora;
  const { buckets } = series;
  const last = buckets.at(-1);
  const decimals = last?.totalBurned.decimals ?? 18;

  const totals = buckets.map((bucket) => plotNumber(bucket.totalBurned.raw, decimals));
  const { ticks, domain } = niceTicks(Math.min(...totals, Number.POSITIVE_INFINITY), Math.max(...totals, 0));
  const y = linearScale(domain, [area.bottom, area.top]);
  const times = buckets.map((bucket) => bucket.end.getTime());
  const startTime = buckets[0]?.start.getTime() ?? 0;
  const x = linearScale([startTime, times.at(-1) ?? startTime + 1], [area.left, area.right]);
  const unit = 10n ** BigInt(decimals);

  drawFrame(ctx, {
    width,
    height,
    area,
    title: t.chartTitle,
    subtitle: last
      ? `${formatTokenNumber(last.totalBurned, locale, "compact")} SORA · ${formatPercent(percentOf(last.totalBurned.raw, series.maxSupply))}`
      : undefined,
    left: {
      values: ticks,
      position: y,
      label: (value) =>
        formatTokenNumber({ raw: BigInt(Math.round(value)) * unit, decimals }, locale, "compact"),
    },
    bottom: spreadIndexes(buckets.length, 6).map((i) => ({
      x: x(buckets[i]?.start.getTime() ?? startTime),
      text: formatShortDate(buckets[i]?.start ?? new Date(startTime), locale),
    })),
  });

  // Per-bucket burns as bars, scaled to the lower third so they never hide the total.
  const perBucket = buckets.map((bucket) => plotNumber(bucket.burned.raw, decimals));
  const tallest = Math.max(...perBucket, 0) || 1;
  const barWidth = Math.max(1, ((area.right - area.left) / Math.max(buckets.length, 1)) * 0.7);
  ctx.fillStyle = chartTheme.bars;
  buckets.forEach((bucket, i) => {
    const barHeight = ((perBucket[i] ?? 0) / tallest) * (area.bottom - area.top) * 0.33;
    const center = (x(bucket.start.getTime()) + x(bucket.end.getTime())) / 2;
    ctx.fillRect(center - barWidth / 2, area.bottom - barHeight, barWidth, barHeight);
  });

  const points = buckets.map((_, i): [number, number] => [x(times[i] ?? 0), y(totals[i] ?? 0)]);
  if (points.length > 0) {
    ctx.fillStyle = chartTheme.primaryFill;
    ctx.beginPath();
    ctx.moveTo(points[0]?.[0] ?? area.left, area.bottom);
    for (const [px, py] of points) ctx.lineTo(px, py);
    ctx.lineTo(points.at(-1)?.[0] ?? area.right, area.bottom);
    ctx.closePath();
    ctx.fill();
  }
  strokeLine(ctx, points, chartTheme.primary);
  drawMilestones(ctx, series.milestones, {
    x,
    startTime,
    endTime: times.at(-1) ?? startTime,
    top: area.top,
    bottom: area.bottom,
  });

  return {
    png: await canvas.encode("png"),
    width,
    height,
    fileName: "sora-burned.png",
    alt: t.chartAlt,
  };
}

function drawMilestones(
  ctx: ReturnType<ReturnType<typeof createCanvas>["getContext"]>,
  milestones: readonly BurnMilestone[],
  frame: { x: (time: number) => number; startTime: number; endTime: number; top: number; bottom: number },
): void {
  const inRange = milestones.filter(
    (m) => m.reachedAt.getTime() >= frame.startTime && m.reachedAt.getTime() <= frame.endTime,
  );
  ctx.setLineDash([6, 6]);
  ctx.strokeStyle = chartTheme.milestone;
  ctx.fillStyle = chartTheme.milestone;
  ctx.lineWidth = 1.5;
  ctx.font = chartTheme.font(16, 700);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  let lastLabelX = Number.POSITIVE_INFINITY;
  // Newest first, so a crowded run keeps the latest (highest) percent.
  for (const milestone of [...inRange].reverse()) {
    const px = frame.x(milestone.reachedAt.getTime());
    ctx.beginPath();
    ctx.moveTo(px, frame.bottom);
    ctx.lineTo(px, frame.top);
    ctx.stroke();
    if (lastLabelX - px >= MIN_LABEL_GAP) {
      ctx.fillText(`${milestone.percent}%`, px + 5, frame.top + 4);
      lastLabelX = px;
    }
  }
  ctx.setLineDash([]);
}
