import { numberToHex } from "viem";
import {
  type Eip1193Provider,
  PageError,
  UNRECOGNIZED_CHAIN,
  USER_REJECTED,
  walletErrorCode,
} from "./eip1193.ts";

/** The intent's chain; `rpcUrl` is null when the gateway publishes none (the wallet must know the chain). */
export type IntentChain = { id: number; name: string; rpcUrl: string | null };

const currentChainId = async (provider: Eip1193Provider) =>
  Number(BigInt(String(await provider.request({ method: "eth_chainId" }))));

/**
 * Puts the wallet on `chain` before anything is sent: `wallet_switchEthereumChain`, and when the
 * wallet does not know the chain (4902), `wallet_addEthereumChain` with the intent's name and RPC
 * URL, then the switch again (without an RPC URL, the member is told to add the chain themselves). Reads the chain back afterwards: a wallet that says yes but stays
 * elsewhere is refused too. Throws a {@link PageError}; nothing is ever sent on the wrong chain.
 * The page calls it right before each step it sends: a member can switch chains between steps.
 *
 * @param onSwitch - called before the wallet is asked to switch (the page says so meanwhile)
 */
export async function ensureChain(
  provider: Eip1193Provider,
  chain: IntentChain,
  onSwitch?: () => void,
): Promise<void> {
  if ((await currentChainId(provider)) === chain.id) return;
  onSwitch?.();
  const chainId = numberToHex(chain.id);
  const refused = new PageError({ key: "error.chainRefused", params: { chain: chain.name, id: chain.id } });
  const switchChain = () => provider.request({ method: "wallet_switchEthereumChain", params: [{ chainId }] });
  try {
    await switchChain();
  } catch (error) {
    const code = walletErrorCode(error);
    if (code === USER_REJECTED) throw refused;
    if (code !== UNRECOGNIZED_CHAIN) throw error;
    if (!chain.rpcUrl) {
      throw new PageError({ key: "error.chainUnknown", params: { chain: chain.name, id: chain.id } });
    }
    try {
      await provider.request({
        method: "wallet_addEthereumChain",
        params: [
          {
            chainId,
            chainName: chain.name,
            rpcUrls: [chain.rpcUrl],
            nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
          },
        ],
      });
      // Most wallets switch when they add; asking again is harmless when they did.
      await switchChain();
    } catch (addError) {
      if (walletErrorCode(addError) === USER_REJECTED) throw refused;
      throw addError;
    }
  }
  const current = await currentChainId(provider);
  if (current !== chain.id) {
    throw new PageError({
      key: "error.chainStillWrong",
      params: { current, chain: chain.name, id: chain.id },
    });
  }
}
