import { createCanvas } from "@napi-rs/canvas";
import { formatShortDate } from "../i18n/format/formatDates.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatChart } from "../views/ChatView.ts";
import { chartTheme, plotAreaOf } from "./chartTheme.ts";
import { drawFrame, strokeLine } from "./drawFrame.ts";
import { indexAsNumber, type RebasePoint, realisedApySeries } from "./realisedApySeries.ts";
import { registerChartFonts } from "./registerChartFonts.ts";
import { linearScale, niceTicks, spreadIndexes } from "./scales.ts";

/**
 * "Rebase index and realised APY over time": the sLUMA index (left axis) and the APY realised over
 * the trailing `windowDays` (right axis, percent), from the indexed rebase history.
 */
export async function renderRebaseChart(
  locale: Locale,
  points: readonly RebasePoint[],
  options: { windowDays?: number } = {},
): Promise<ChatChart> {
  registerChartFonts();
  const { width, height } = chartTheme;
  const area = plotAreaOf(width, height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const t = textsFor(locale);
  const sorted = [...points].sort((a, b) => a.time.getTime() - b.time.getTime());
  const windowDays = options.windowDays ?? 7;
  const apy = realisedApySeries(sorted, windowDays);

  const indexes = sorted.map((point) => indexAsNumber(point.index));
  const left = niceTicks(Math.min(...indexes, Number.POSITIVE_INFINITY), Math.max(...indexes, 1));
  const right = niceTicks(
    Math.min(0, ...apy.map((p) => p.percent)),
    Math.max(...apy.map((p) => p.percent), 1),
  );
  const yIndex = linearScale(left.domain, [area.bottom, area.top]);
  const yApy = linearScale(right.domain, [area.bottom, area.top]);
  const start = sorted[0]?.time.getTime() ?? 0;
  const end = sorted.at(-1)?.time.getTime() ?? start + 1;
  const x = linearScale([start, end], [area.left, area.right]);
  const latestApy = apy.at(-1);

  drawFrame(ctx, {
    width,
    height,
    area,
    title: t.yields.chartTitle,
    subtitle: [
      `${t.yields.chartIndex} ${indexAsNumber(sorted.at(-1)?.index ?? 10n ** 18n).toFixed(4)}`,
      latestApy ? `${t.yields.chartApy({ days: windowDays })} ${latestApy.percent.toFixed(2)}%` : undefined,
    ]
      .filter(Boolean)
      .join(" · "),
    left: { values: left.ticks, position: yIndex, label: (value) => value.toFixed(3) },
    right: {
      values: right.ticks,
      position: yApy,
      label: (value) => `${value.toFixed(0)}%`,
      color: chartTheme.secondary,
    },
    bottom: spreadIndexes(sorted.length, 6).map((i) => ({
      x: x(sorted[i]?.time.getTime() ?? start),
      text: formatShortDate(sorted[i]?.time ?? new Date(start), locale),
    })),
  });
  strokeLine(
    ctx,
    sorted.map((point, i): [number, number] => [x(point.time.getTime()), yIndex(indexes[i] ?? 1)]),
    chartTheme.primary,
  );
  strokeLine(
    ctx,
    apy.map((point): [number, number] => [x(point.time.getTime()), yApy(point.percent)]),
    chartTheme.secondary,
    2,
  );

  return {
    png: await canvas.encode("png"),
    width,
    height,
    fileName: "rebase-index.png",
    alt: t.yields.chartAlt,
  };
}
