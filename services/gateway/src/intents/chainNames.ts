/** Readable names of the chains the gateway may be deployed on, for wallet_addEthereumChain. */
const chainNames: Readonly<Record<number, string>> = {
  31337: "Luma devnet (anvil)",
};

/** The chain's name, or "Chain <id>" for one we have no name for. */
export const chainNameOf = (chainId: number) => chainNames[chainId] ?? `Chain ${chainId}`;
