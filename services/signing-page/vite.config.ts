import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The signing page's bundle: hashed files straight under `/sign-assets/` (the gateway serves that
 * folder with immutable cache headers), nothing inlined into the HTML (the CSP forbids it).
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/sign-assets/",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    assetsDir: "",
    emptyOutDir: true,
    // One entry chunk: nothing to preload, so no polyfill either.
    modulePreload: { polyfill: false },
    // Images (none today) become files, never data: URIs inside CSS or JS.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
