import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DevnetError } from "./DevnetError.ts";

// Mirrors BINARY_DISTRIBUTION_PACKAGES in @foundry-rs/anvil's const.mjs: Node's process.arch
// names on the left, Foundry's package suffixes on the right.
const PLATFORM_PACKAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  darwin: { x64: "@foundry-rs/anvil-darwin-amd64", arm64: "@foundry-rs/anvil-darwin-arm64" },
  linux: { x64: "@foundry-rs/anvil-linux-amd64", arm64: "@foundry-rs/anvil-linux-arm64" },
  win32: { x64: "@foundry-rs/anvil-win32-amd64" },
};

/**
 * The anvil executable shipped in the npm package for this platform
 * (`@foundry-rs/anvil-linux-amd64/bin/anvil` and so on), so no download and no `npx` wrapper
 * process are needed.
 *
 * @throws {DevnetError} `unsupported_platform` or `anvil_not_installed`
 */
export function anvilBinaryPath(platform: string = process.platform, arch: string = process.arch): string {
  const packageName = PLATFORM_PACKAGES[platform]?.[arch];
  if (packageName === undefined) {
    throw new DevnetError(
      "unsupported_platform",
      `Foundry ships no anvil binary for ${platform}/${arch}. Install anvil yourself (https://getfoundry.sh) and start it by hand.`,
    );
  }
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  } catch (cause) {
    throw notInstalled(packageName, cause);
  }
  const binary = join(dirname(packageJson), "bin", platform === "win32" ? "anvil.exe" : "anvil");
  if (!existsSync(binary)) throw notInstalled(packageName);
  return binary;
}

function notInstalled(packageName: string, cause?: unknown): DevnetError {
  return new DevnetError(
    "anvil_not_installed",
    `The anvil binary package ${packageName} is not installed. Run \`npm install\` (optional dependencies must not be omitted).`,
    { cause },
  );
}
