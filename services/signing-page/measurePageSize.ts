import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { signingPageDist } from "./buildSigningPage.ts";

/** Issue 4's bar: the page's JavaScript, gzipped, stays under this. */
export const MAX_PAGE_JS_GZIP_BYTES = 150 * 1024;

export type PageFileSize = { name: string; kind: "js" | "css"; raw: number; gzip: number };

/**
 * Sizes of the built page's scripts and styles, raw and gzipped (level 9, as a server would
 * precompress), with totals per kind. Read from `dir` (default: the built page).
 */
export function measurePageSize(dir: string = signingPageDist) {
  const files: PageFileSize[] = readdirSync(dir)
    .filter((name) => [".js", ".css"].includes(extname(name)))
    .sort()
    .map((name) => {
      const body = readFileSync(join(dir, name));
      const kind = extname(name) === ".js" ? "js" : "css";
      return { name, kind, raw: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
    });
  const total = (kind: PageFileSize["kind"]) => {
    const ofKind = files.filter((file) => file.kind === kind);
    return {
      raw: ofKind.reduce((sum, file) => sum + file.raw, 0),
      gzip: ofKind.reduce((sum, file) => sum + file.gzip, 0),
    };
  };
  return { files, js: total("js"), css: total("css") };
}
