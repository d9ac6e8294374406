import {
  type Account,
  type Address,
  type Chain,
  createTestClient,
  defineChain,
  type Hash,
  http,
  publicActions,
  type TransactionReceipt,
  walletActions,
} from "viem";

/** A viem chain for a local anvil (or any RPC) with our Multicall3, so `multicall` batches reads. */
export function devnetChain(chainId: number, rpcUrl: string, multicall3?: Address): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? "Luma devnet" : `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: multicall3 ? { multicall3: { address: multicall3 } } : undefined,
  });
}

/**
 * One client for anvil: reads, writes (from an unlocked anvil account or a local account) and
 * anvil's test methods (time travel, snapshots). Polls fast: anvil mines instantly.
 */
export function createDevnetClient(options: {
  rpcUrl: string;
  chainId: number;
  account: Address | Account;
  multicall3?: Address;
}) {
  const client = createTestClient({
    chain: devnetChain(options.chainId, options.rpcUrl, options.multicall3),
    mode: "anvil",
    transport: http(options.rpcUrl, { batch: false, retryCount: 0 }),
    account: options.account,
    pollingInterval: 50,
  })
    .extend(publicActions)
    .extend(walletActions);
  const write = client.writeContract;
  // Gas is estimated at one block time and spent at another, and some of the protocol's paths depend
  // on time (a fee or none, an oracle refresh, epochs to apply). Like wallets, add headroom (+50%) so
  // such a write does not run out of gas; estimating also surfaces a revert as a decoded error.
  const writeWithHeadroom: typeof write = async (args) => {
    const estimate = args.gas ?? (await client.estimateContractGas(args as never));
    return write({ ...args, gas: (estimate * 3n) / 2n } as typeof args);
  };
  return Object.assign(client, { writeContract: writeWithHeadroom });
}

export type DevnetClient = ReturnType<typeof createDevnetClient>;

/**
 * Waits for a transaction anvil has mined and fails loudly if it reverted, with the revert data
 * from anvil's call tracer (decode it with the contract's ABI, e.g. viem `decodeErrorResult`).
 */
export async function confirm(client: DevnetClient, hash: Hash): Promise<TransactionReceipt> {
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  if (receipt.status === "success") return receipt;
  const trace = (await (
    client.request as unknown as (args: { method: string; params: unknown[] }) => Promise<unknown>
  )({
    method: "debug_traceTransaction",
    params: [hash, { tracer: "callTracer" }],
  }).catch(() => ({}))) as { output?: string; error?: string };
  throw new Error(`Transaction ${hash} reverted: ${trace.error ?? "no reason"} ${trace.output ?? ""}`.trim());
}
