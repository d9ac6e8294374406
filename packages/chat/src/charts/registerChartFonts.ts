import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

/** The one family every chart label is set in: Noto Sans SC covers Latin, digits and Chinese. */
export const CHART_FONT_FAMILY = "NotoSC";

let registered: number | undefined;

/**
 * Registers the 400-weight woff2 subsets of @fontsource/noto-sans-sc (about 100 files, each a slice
 * of Unicode) under {@link CHART_FONT_FAMILY}. Without it a machine with only DejaVu draws Chinese as
 * empty boxes. Idempotent: the first call does the work (~0.4 s), later calls return at once.
 * @returns how many font files are registered
 */
export function registerChartFonts(): number {
  if (registered !== undefined) return registered;
  const require = createRequire(import.meta.url);
  const files = join(dirname(require.resolve("@fontsource/noto-sans-sc/package.json")), "files");
  const subsets = readdirSync(files).filter((name) => name.endsWith("-400-normal.woff2"));
  let count = 0;
  for (const name of subsets) {
    if (GlobalFonts.registerFromPath(join(files, name), CHART_FONT_FAMILY)) count += 1;
  }
  if (count === 0) throw new Error(`no chart font could be registered from ${files}`);
  registered = count;
  return count;
}
