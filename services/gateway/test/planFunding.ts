import { confirm, createDevnetClient } from "@luma-pulse/devnet";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName } from "viem";
import type { setupChain } from "./setupChain.ts";

type Chain = Awaited<ReturnType<typeof setupChain>>;

/** Mints `amount` of `token` (POP, LUMA or USDT) to `to` from the devnet faucet (the deployer). */
export async function mintTo(chain: Chain, token: Address, to: Address, amount: bigint) {
  const { deployer } = chain;
  await confirm(
    deployer,
    await deployer.writeContract({
      address: token,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [to, amount],
    }),
  );
}

/** Sends a contract call from `from` (an unlocked anvil account) and waits until it is mined. */
export async function sendAs<
  const abi extends Abi,
  name extends ContractFunctionName<abi, "nonpayable" | "payable">,
>(
  chain: Chain,
  from: Address,
  call: {
    address: Address;
    abi: abi;
    functionName: name;
    args: ContractFunctionArgs<abi, "nonpayable" | "payable", name>;
  },
) {
  const wallet = createDevnetClient({
    rpcUrl: chain.anvil.rpcUrl,
    chainId: chain.manifest.chainId,
    account: from,
  });
  await confirm(wallet, await wallet.writeContract(call as never));
}
