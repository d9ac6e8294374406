import type { SKRSContext2D } from "@napi-rs/canvas";
import { chartTheme, type PlotArea } from "./chartTheme.ts";

/** An axis: tick values, where each goes, and how it reads. */
export type AxisTicks = {
  values: number[];
  position: (value: number) => number;
  label: (value: number) => string;
};

/**
 * The parts every chart shares: background, title and subtitle, horizontal grid with the left axis
 * labels (and the right axis's, for a second series), and the time labels under the plot.
 */
export function drawFrame(
  ctx: SKRSContext2D,
  frame: {
    width: number;
    height: number;
    area: PlotArea;
    title: string;
    subtitle?: string;
    left: AxisTicks;
    right?: AxisTicks & { color: string };
    bottom: { x: number; text: string }[];
  },
): void {
  const { area } = frame;
  ctx.fillStyle = chartTheme.background;
  ctx.fillRect(0, 0, frame.width, frame.height);

  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  ctx.fillStyle = chartTheme.title;
  ctx.font = chartTheme.font(30, 700);
  ctx.fillText(frame.title, area.left, 44);
  if (frame.subtitle) {
    ctx.fillStyle = chartTheme.subtitle;
    ctx.font = chartTheme.font(19);
    ctx.fillText(frame.subtitle, area.left, 74);
  }

  ctx.font = chartTheme.font(17);
  ctx.textBaseline = "middle";
  ctx.lineWidth = 1;
  for (const value of frame.left.values) {
    const y = frame.left.position(value);
    ctx.strokeStyle = chartTheme.grid;
    ctx.beginPath();
    ctx.moveTo(area.left, y);
    ctx.lineTo(area.right, y);
    ctx.stroke();
    ctx.fillStyle = chartTheme.axisText;
    ctx.textAlign = "right";
    ctx.fillText(frame.left.label(value), area.left - 12, y);
  }
  if (frame.right) {
    ctx.fillStyle = frame.right.color;
    ctx.textAlign = "left";
    for (const value of frame.right.values)
      ctx.fillText(frame.right.label(value), area.right + 12, frame.right.position(value));
  }

  ctx.fillStyle = chartTheme.axisText;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const label of frame.bottom) ctx.fillText(label.text, label.x, area.bottom + 14);
}

/** A polyline through `points` (already in pixels). */
export function strokeLine(
  ctx: SKRSContext2D,
  points: readonly [number, number][],
  color: string,
  width = 3,
): void {
  if (points.length === 0) return;
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = "round";
  ctx.beginPath();
  for (const [i, [x, y]] of points.entries()) {
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}
