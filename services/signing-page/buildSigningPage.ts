import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const pageDir = fileURLToPath(new URL(".", import.meta.url));
const protocolSrc = fileURLToPath(new URL("../../packages/protocol/src", import.meta.url));

/** Where the built page lands; the gateway serves it (services/gateway/src/intents/signingPage.ts). */
export const signingPageDist = join(pageDir, "dist");

/** Written after a successful build: the hash of everything the bundle is made of. */
const hashFile = join(signingPageDist, ".sources-hash");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The page's sources, the protocol code it bundles (including the generated ABIs, so a contract
 * change rebuilds it) and the bundler's and viem's versions.
 */
function sourcesHash(): string {
  const files = [
    join(pageDir, "index.html"),
    join(pageDir, "vite.config.ts"),
    ...listFiles(join(pageDir, "src")),
    ...listFiles(protocolSrc),
  ].sort();
  const hash = createHash("sha256");
  for (const name of ["vite", "viem"]) {
    hash.update(`${name} ${(require(`${name}/package.json`) as { version: string }).version}\n`);
  }
  for (const file of files) hash.update(`${relative(pageDir, file)}\n`).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * Bundles the signing page with Vite into `dist/` (index.html + hashed JS and CSS). Skips the
 * bundler when nothing it reads changed since the last build, so `npm run build` stays cheap.
 */
export async function buildSigningPage(options: { force?: boolean } = {}): Promise<{ built: boolean }> {
  const hash = sourcesHash();
  const upToDate =
    existsSync(join(signingPageDist, "index.html")) &&
    existsSync(hashFile) &&
    readFileSync(hashFile, "utf8") === hash;
  if (upToDate && !options.force) return { built: false };
  // Imported here: an up-to-date build (every `npm start`) does not load the bundler.
  const { build } = await import("vite");
  await build({ configFile: join(pageDir, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(hashFile, hash);
  return { built: true };
}
