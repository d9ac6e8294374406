import { CHART_FONT_FAMILY } from "./registerChartFonts.ts";

/** Sizes and colours shared by every chart: readable on a phone after Telegram's recompression. */
export const chartTheme = {
  width: 1000,
  height: 560,
  padding: { top: 92, right: 96, bottom: 64, left: 104 },
  background: "#0f172a",
  grid: "#1e293b",
  axisText: "#94a3b8",
  title: "#f8fafc",
  subtitle: "#cbd5e1",
  primary: "#f97316",
  primaryFill: "rgba(249, 115, 22, 0.18)",
  secondary: "#38bdf8",
  bars: "rgba(148, 163, 184, 0.35)",
  milestone: "#facc15",
  font: (size: number, weight = 400) => `${weight} ${size}px ${CHART_FONT_FAMILY}`,
} as const;

/** The plotting area inside the padding. */
export type PlotArea = { left: number; top: number; right: number; bottom: number };

export const plotAreaOf = (width: number, height: number): PlotArea => ({
  left: chartTheme.padding.left,
  top: chartTheme.padding.top,
  right: width - chartTheme.padding.right,
  bottom: height - chartTheme.padding.bottom,
});
