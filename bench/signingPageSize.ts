import { buildSigningPage } from "../services/signing-page/buildSigningPage.ts";
import { MAX_PAGE_JS_GZIP_BYTES, measurePageSize } from "../services/signing-page/measurePageSize.ts";

/**
 * The signing page's weight: each built JS and CSS file raw and gzipped, and the totals against
 * issue 4's bar (JS under 150 kB gzipped). Builds the page first when it is not up to date.
 * Prints numbers; record them in docs/benchmarks.md.
 */
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const { built } = await buildSigningPage();
if (built) console.log("signing page: bundled first (it was not up to date)");
const { files, js, css } = measurePageSize();
for (const file of files) {
  console.log(`${file.name.padEnd(28)} ${kB(file.raw).padStart(9)} raw ${kB(file.gzip).padStart(9)} gzip`);
}
console.log(`JS total   ${kB(js.raw).padStart(9)} raw ${kB(js.gzip).padStart(9)} gzip`);
console.log(`CSS total  ${kB(css.raw).padStart(9)} raw ${kB(css.gzip).padStart(9)} gzip`);
const within = js.gzip < MAX_PAGE_JS_GZIP_BYTES;
console.log(`bar: JS < ${kB(MAX_PAGE_JS_GZIP_BYTES)} gzipped: ${within ? "met" : "MISSED"}`);
if (!within) process.exitCode = 1;
