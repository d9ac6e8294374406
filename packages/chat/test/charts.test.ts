import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { chartTheme } from "../src/charts/chartTheme.ts";
import { type RebasePoint, realisedApySeries } from "../src/charts/realisedApySeries.ts";
import { CHART_FONT_FAMILY, registerChartFonts } from "../src/charts/registerChartFonts.ts";
import { renderBurnChart } from "../src/charts/renderBurnChart.ts";
import { renderRebaseChart } from "../src/charts/renderRebaseChart.ts";
import type { BurnBucket } from "../src/gateway/operations/getBurnSeries.ts";

const E18 = 10n ** 18n;
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 20);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function buckets(days: number): BurnBucket[] {
  let total = 140_000_000n * E18;
  return Array.from({ length: days }, (_, i) => {
    const burned = BigInt(100_000 + i * 5_000) * E18;
    total += burned;
    const amount = (raw: bigint) => ({ raw, decimals: 18, symbol: "SORA" });
    return {
      start: new Date(START + i * DAY),
      end: new Date(START + (i + 1) * DAY),
      burns: 3,
      burned: amount(burned),
      totalBurned: amount(total),
    };
  });
}

/** 5 bps per 8-hour epoch for `days` days: the protocol's default rebase. */
function rebasePoints(days: number): RebasePoint[] {
  let index = E18;
  return Array.from({ length: days * 3 + 1 }, (_, i) => {
    if (i > 0) index += (index * 5n) / 10_000n;
    return { time: new Date(START + i * 8 * 3_600_000), index };
  });
}

/** Pixels of one glyph drawn in `font`: what a box would look like the same for every character. */
function glyphPixels(text: string, font: string): Buffer {
  const canvas = createCanvas(80, 80);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 80, 80);
  ctx.fillStyle = "#000";
  ctx.font = font;
  ctx.fillText(text, 8, 60);
  return Buffer.from(ctx.getImageData(0, 0, 80, 80).data);
}

const inkOf = (pixels: Buffer) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;

describe("charts", () => {
  it("render the SORA burn chart as a PNG of the theme's size, in both languages", async () => {
    const milestones = [
      { percent: 70, reachedAt: new Date(START + 10 * DAY), txHash: "0x", blockNumber: 1n },
    ];
    for (const locale of ["en", "zh"] as const) {
      const chart = await renderBurnChart(locale, {
        buckets: buckets(30),
        milestones,
        maxSupply: 210_000_000n * E18,
      });
      expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(pngSize(chart.png)).toEqual({ width: chartTheme.width, height: chartTheme.height });
      expect(chart.png.length).toBeGreaterThan(10_000);
      expect(chart.alt).toMatch(locale === "en" ? /SORA burned over time/ : /SORA 累计销毁/);
    }
  });

  it("render the rebase index chart, and an empty history without failing", async () => {
    const chart = await renderRebaseChart("zh", rebasePoints(30));
    expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(chart.png)).toEqual({ width: 1000, height: 560 });
    const empty = await renderRebaseChart("en", []);
    expect(empty.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const noBurns = await renderBurnChart("en", {
      buckets: [],
      milestones: [],
      maxSupply: 210_000_000n * E18,
    });
    expect(noBurns.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it("draw Chinese glyphs, not boxes: distinct characters come out distinct, and unlike a missing glyph", () => {
    expect(registerChartFonts()).toBeGreaterThan(90);
    const font = `48px ${CHART_FONT_FAMILY}`;
    const burn = glyphPixels("销", font);
    const destroy = glyphPixels("毁", font);
    // U+0378 is unassigned: every font draws it as its "missing glyph", the box Chinese would become.
    const missing = glyphPixels("\u0378", font);
    // Which is why "distinct" is the test: two missing glyphs draw the very same box.
    expect(missing.equals(glyphPixels("\u0379", font))).toBe(true);
    expect(inkOf(burn)).toBeGreaterThan(100);
    expect(inkOf(destroy)).toBeGreaterThan(100);
    expect(burn.equals(destroy)).toBe(false);
    expect(burn.equals(missing)).toBe(false);
    expect(destroy.equals(missing)).toBe(false);
  });
});

describe("realisedApySeries", () => {
  it("measures the protocol's 72.87% APY from the index history, once a full window is behind", () => {
    const series = realisedApySeries(rebasePoints(30), 7);
    expect(series[0]?.time).toEqual(new Date(START + 7 * DAY));
    for (const point of series) expect(point.percent).toBeCloseTo(72.87, 1);
    expect(realisedApySeries(rebasePoints(3), 7)).toEqual([]);
  });
});
