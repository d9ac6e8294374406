import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Flags that make Debian's Chromium run headless on a server without a sandbox, a GPU or network
 * chatter of its own (see ../shared/ENVIRONMENT.md, "Browsers").
 */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Thrown when no Chromium can be found: one line saying how to get it, never a silent skip. */
export class ChromiumMissingError extends Error {}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium binary the browser tests drive: CHROMIUM_PATH if set, otherwise `chromium` on the
 * PATH (Debian's package). `npx playwright install` downloads a browser and fails offline, so the
 * system package is the only source.
 *
 * @throws {ChromiumMissingError} when there is none. In CI (`CI=true`) the message says the browser
 *   tests must run there (.ci/run installs the package); elsewhere it says how to install it.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new ChromiumMissingError(`CHROMIUM_PATH=${configured} is not an executable file.`);
  }
  const found = whichChromium(env);
  if (found) return found;
  if (env.CI === "true") {
    throw new ChromiumMissingError(
      "Chromium is missing in CI, but the browser tests must run there: .ci/run installs it (apt-get install -y chromium).",
    );
  }
  throw new ChromiumMissingError(
    "Chromium is not installed: install it: apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary).",
  );
}

function whichChromium(env: Record<string, string | undefined>): string | undefined {
  try {
    const path = execFileSync("which", ["chromium"], {
      encoding: "utf8",
      env: { PATH: env.PATH ?? "" },
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Launches headless Chromium (found by {@link findChromium}); the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
}
