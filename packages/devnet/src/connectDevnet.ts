import type { Address } from "viem";
import { createDevnetClient, type DevnetClient } from "./createDevnetClient.ts";
import type { SeedWallets } from "./seed/seedProtocolHistory.ts";

/** Anvil's dev accounts, in order: deployer (owner and faucet), keeper, whale, trader, then members. */
export const DEVNET_ACCOUNTS = 304;

/**
 * A client for the deployer on a running devnet and the roles of the other dev accounts
 * (anvil's unlocked accounts: the devnet sends from them without keys).
 */
export async function connectDevnet(
  rpcUrl: string,
  chainId: number,
  multicall3?: Address,
): Promise<{ deployer: DevnetClient; wallets: SeedWallets }> {
  const anyone = createDevnetClient({
    rpcUrl,
    chainId,
    account: "0x0000000000000000000000000000000000000001",
  });
  const [deployer, keeper, whale, trader, ...members] = await anyone.getAddresses();
  if (!deployer || !keeper || !whale || !trader) throw new Error("anvil returned too few accounts");
  return {
    deployer: createDevnetClient({ rpcUrl, chainId, account: deployer, multicall3 }),
    wallets: { keeper, whale, trader, members },
  };
}
