import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "./build.ts";

/**
 * `npm run screenshots`: the signing page as a member sees it on a phone (360 × 740 CSS pixels at
 * 2×), in English and Chinese, written to docs/screenshots/: `sign-en.png`, `sign-zh.png` (a plan
 * to stake 100 LUMA, wallet connected, ready to sign) and `link-en.png`, `link-zh.png` (linking a
 * Telegram account). Starts its own anvil with the protocol, a gateway on a temporary PGlite and
 * headless Chromium (Debian's `chromium`), and stops them all at the end.
 */

const root = resolve(import.meta.dirname, "..");
const outDir = join(root, "docs/screenshots");
const serviceToken = "screenshots-service-token-0123456789abcdef";
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const locales = [
  { suffix: "en", locale: "en-US" },
  { suffix: "zh", locale: "zh-CN" },
] as const;
/**
 * The origin the links carry, as in a deployment (the link page shows it as the website the member
 * signs in to); the browser's requests to it are answered by the local gateway.
 */
const PUBLIC_URL = "https://pulse.example";
/** The member: anvil's account 1 ("alice" in the tests). */
const MEMBER_INDEX = 1;

/** Chinese text needs a CJK font on this machine; without one Chromium draws empty boxes. */
function assertCjkFont() {
  let families = "";
  try {
    families = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  } catch {
    // No fontconfig tools: let Chromium try; the picture shows whether it worked.
    return;
  }
  if (families.trim() === "") {
    throw new Error("No Chinese font installed: install one: apt-get install fonts-noto-cjk");
  }
}

async function main() {
  await build();
  assertCjkFont();
  // Imported after the build: they need the generated Prisma client and contracts.
  const { createDbConfig, openDatabase } = await import("@luma-pulse/db");
  const { mintableTokenAbi } = await import("@luma-pulse/protocol/abis");
  const { startProtocolChain } = await import("../services/gateway/test/startProtocolChain.ts");
  const { startGateway } = await import("../services/gateway/src/startGateway.ts");
  const { launchChromium } = await import("../test/helpers/chromium.ts");
  const { graphqlData } = await import("../test/e2e/helpers/graphql.ts");
  const { waitUntilReady } = await import("../test/e2e/helpers/waitUntilReady.ts");
  const { parseUnits } = await import("viem");

  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    console.log("screenshots: starting anvil, the protocol and a gateway…");
    const chain = await startProtocolChain();
    cleanups.push(() => chain.anvil.stop());
    const dataDir = await mkdtemp(join(tmpdir(), "luma-screenshots-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = await openDatabase(createDbConfig({ LUMA_DATA_DIR: dataDir }));
    cleanups.push(() => database.close());
    const gateway = await startGateway({
      database,
      manifest: chain.manifest,
      port: 0,
      log: () => {},
      signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken },
    });
    cleanups.push(() => gateway.stop());
    await waitUntilReady(gateway.url);

    const member = chain.members.alice;
    const minted = await chain.deployer.writeContract({
      address: chain.manifest.contracts.luma,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [member, parseUnits("1000", 18)],
    });
    await chain.deployer.waitForTransactionReceipt({ hash: minted, pollingInterval: 20 });
    const { intent } = await graphqlData<{ intent: { links: { page: string } } }>(
      gateway.url,
      `mutation Plan($account: Address!) { intent: planStakeLuma(account: $account, amount: "100") { links { page } } }`,
      { account: member },
    );
    const { challenge } = await graphqlData<{ challenge: { url: string } }>(
      gateway.url,
      `mutation { challenge: createWalletLinkChallenge(platform: TELEGRAM, userId: "123456789") { url } }`,
      {},
      { authorization: `Bearer ${serviceToken}` },
    );

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    await mkdir(outDir, { recursive: true });
    const wallet = {
      rpcUrl: chain.manifest.rpcUrl,
      chainId: chain.manifest.chainId,
      gatewayUrl: gateway.url,
    };
    for (const { suffix, locale } of locales) {
      await shoot(browser, wallet, { locale, url: intent.links.page, file: `sign-${suffix}.png` });
      await shoot(browser, wallet, { locale, url: challenge.url, file: `link-${suffix}.png` });
    }
  } finally {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: Error) => console.error(error.message));
  }
}

/**
 * Opens `url` on a phone in `locale` with the member's wallet (requests to PUBLIC_URL served by the
 * local gateway), connects it, and saves the whole page.
 */
async function shoot(
  browser: Browser,
  { gatewayUrl, ...wallet }: { rpcUrl: string; chainId: number; gatewayUrl: string },
  { locale, url, file }: { locale: string; url: string; file: string },
) {
  const { installInjectedWallet } = await import("../test/helpers/injectedWallet.ts");
  const context = await browser.newContext({ ...phone, locale, colorScheme: "light" });
  try {
    await context.route(`${PUBLIC_URL}/**`, async (route) => {
      const local = route.request().url().replace(PUBLIC_URL, gatewayUrl);
      await route.fulfill({ response: await route.fetch({ url: local }) });
    });
    const page = await context.newPage();
    await installInjectedWallet(page, { ...wallet, accountIndex: MEMBER_INDEX });
    await page.goto(url);
    await page.locator('[data-testid="status"][data-status="PENDING"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="connect-button"][data-wallet="test.wallet"]').click();
    await page.getByTestId("sign-button").waitFor();
    await page.evaluate("document.fonts.ready");
    const path = join(outDir, file);
    await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
    console.log(`screenshots: wrote ${relative(root, path)}`);
  } finally {
    await context.close();
  }
}

await main().catch((error: Error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
