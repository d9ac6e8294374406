import { anvilDefaultMnemonic } from "@luma-pulse/devnet";
import { mintableTokenAbi, optionStakingAbi, rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import type { Browser, BrowserContextOptions } from "playwright-core";
import { type Address, erc20Abi, parseEther, parseUnits } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { startGateway } from "../../../services/gateway/src/startGateway.ts";
import { setupChain } from "../../../services/gateway/test/setupChain.ts";
import { setupDatabase } from "../../../services/gateway/test/setupDatabase.ts";
import { launchChromium } from "../../helpers/chromium.ts";
import { deferTeardown } from "../../helpers/deferTeardown.ts";
import { type InjectedWalletOptions, installInjectedWallet } from "../../helpers/injectedWallet.ts";
import { waitUntilReady } from "./waitUntilReady.ts";

/** The bots' shared secret in these tests (the gateway requires ≥ 32 characters). */
export const serviceToken = "e2e-service-token-0123456789abcdef0123456789";

/**
 * Everything a member's signing session touches, for one test file: anvil with the protocol, a
 * gateway on a fresh PGlite (its Prisma client at hand, to age or tamper with an intent as a test
 * needs), and headless Chromium. All of it stops after the file's tests.
 */
export async function setupSigningStack() {
  // First: without Chromium there is no point starting the rest (the error says how to install it).
  const browser = await launchChromium();
  deferTeardown(() => browser.close());
  const chain = await setupChain();
  const database = await setupDatabase();
  const gateway = await startGateway({
    database,
    manifest: chain.manifest,
    port: 0,
    log: () => {},
    signing: { intentTtlSeconds: 900, serviceToken },
  });
  deferTeardown(() => gateway.stop());
  await waitUntilReady(gateway.url);
  await assertPageServed(gateway.url);
  return { chain, prisma: database.prisma, gateway, browser, ...members(chain), ...pages(browser, chain) };
}

/** The page is bundled by `npm run build`; without it every browser test would only see a 503. */
async function assertPageServed(gatewayUrl: string) {
  const response = await fetch(`${gatewayUrl}/sign/probe`);
  if (response.status !== 200) {
    throw new Error(
      `the signing page is not served (HTTP ${response.status}): ${(await response.text()).trim()}`,
    );
  }
}

export type SigningStack = Awaited<ReturnType<typeof setupSigningStack>>;

/** Members beyond setupChain's: each test takes a fresh account of anvil's mnemonic, so no test inherits another's allowance or stake. */
function members({ deployer, manifest }: Awaited<ReturnType<typeof setupChain>>) {
  let nextIndex = 10;
  const e18 = (amount: string) => parseUnits(amount, 18);
  return {
    /** A fresh member (index of anvil's mnemonic + address) with 10 ETH for gas and `luma` LUMA. */
    async newMember({ luma = "0", pop = "0" }: { luma?: string; pop?: string } = {}) {
      const accountIndex = nextIndex++;
      const { address } = mnemonicToAccount(anvilDefaultMnemonic, { addressIndex: accountIndex });
      await deployer.setBalance({ address, value: parseEther("10") });
      for (const [token, amount] of [
        [manifest.contracts.luma, e18(luma)],
        [manifest.contracts.pop, e18(pop)],
      ] as const) {
        if (amount === 0n) continue;
        const hash = await deployer.writeContract({
          address: token,
          abi: mintableTokenAbi,
          functionName: "mint",
          args: [address, amount],
        });
        await deployer.waitForTransactionReceipt({ hash, pollingInterval: 20 });
      }
      return { accountIndex, address };
    },
    /** A member's sLUMA, LUMA and POP on chain now. */
    balancesOf: async (address: Address) => {
      const [sLuma, luma, pop] = await Promise.all([
        deployer.readContract({
          address: manifest.contracts.rebaseStaking,
          abi: rebaseStakingAbi,
          functionName: "balanceOf",
          args: [address],
        }),
        deployer.readContract({
          address: manifest.contracts.luma,
          abi: erc20Abi,
          functionName: "balanceOf",
          args: [address],
        }),
        deployer.readContract({
          address: manifest.contracts.pop,
          abi: erc20Abi,
          functionName: "balanceOf",
          args: [address],
        }),
      ]);
      return { sLuma, luma, pop };
    },
    /** Ids of a member's option-staking positions, on chain. */
    optionPositionsOf: (address: Address) =>
      deployer.readContract({
        address: manifest.contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionsOf",
        args: [address],
      }),
  };
}

function pages(browser: Browser, { manifest }: Awaited<ReturnType<typeof setupChain>>) {
  return {
    /**
     * A new browser context (its own storage, language, screen) and page with the test wallet
     * injected for `accountIndex`; the context closes after the file's tests.
     */
    async openWithWallet(
      wallet: Omit<InjectedWalletOptions, "rpcUrl" | "chainId">,
      context: BrowserContextOptions = {},
    ) {
      const browserContext = await browser.newContext({ locale: "en-US", ...context });
      deferTeardown(() => browserContext.close());
      const page = await browserContext.newPage();
      const injected = await installInjectedWallet(page, {
        rpcUrl: manifest.rpcUrl,
        chainId: manifest.chainId,
        ...wallet,
      });
      return { page, wallet: injected };
    },
  };
}
