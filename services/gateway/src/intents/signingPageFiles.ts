import { readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** Where `npm run build` writes the signing page (services/signing-page/dist). */
export const defaultSigningPageDir = fileURLToPath(new URL("../../../signing-page/dist", import.meta.url));

/** One built file, ready to send: its bytes, gzipped bytes (when worth it) and media type. */
export type PageFile = { body: Uint8Array; gzipped: Uint8Array | undefined; type: string };

const mediaTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
};

/** A hashed asset name as Vite writes it (`index-Bq3x_9aZ.js`): no path, no dot-files, a known type. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Reads the built page's files on demand and keeps them (with a gzip copy) in memory until the
 * file changes on disk, so a rebuild while the gateway runs is picked up and the hot path is a
 * `stat`. Only names that look like Vite's output and have a known type can be read: nothing
 * outside `dir`, no HTML as an asset, no dot-files.
 */
export function createSigningPageFiles(dir: string = defaultSigningPageDir) {
  const cache = new Map<string, { mtimeMs: number; size: number; file: PageFile }>();

  async function load(name: string): Promise<PageFile | undefined> {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = cache.get(name);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.file;
    const body = new Uint8Array(await readFile(path));
    const type = mediaTypes[extname(name)] ?? "application/octet-stream";
    // Text compresses well; images and fonts are compressed already.
    const gzipped = /^(text\/|application\/json|image\/svg)/.test(type)
      ? new Uint8Array(gzipSync(body))
      : undefined;
    const file = { body, gzipped, type };
    cache.set(name, { mtimeMs: info.mtimeMs, size: info.size, file });
    return file;
  }

  return {
    /** The page's HTML; undefined when the page was not built. */
    html: () => load("index.html"),
    /** A hashed asset by file name; undefined when there is no such asset. */
    asset(name: string): Promise<PageFile | undefined> {
      const extension = extname(name);
      if (!ASSET_NAME.test(name) || extension === ".html" || !(extension in mediaTypes)) {
        return Promise.resolve(undefined);
      }
      return load(name);
    },
  };
}
