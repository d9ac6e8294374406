import {
  createDevnetActors,
  createDevnetClient,
  deployProtocol,
  provideGenesisLiquidity,
  startAnvil,
} from "@luma-pulse/devnet";
import { type DeploymentManifest, defaultProtocolParameters } from "@luma-pulse/protocol";
import { createPublicClient, http } from "viem";

/**
 * A fresh anvil on a free port with the protocol deployed and launch liquidity in place: the
 * deployer (owner, faucet), three members, actors for what members do, the manifest an indexer
 * reads, and a batching public client like the gateway's. The caller stops `anvil`.
 */
export async function startProtocolChain() {
  const anvil = await startAnvil({ accounts: 5 });
  const probe = createDevnetClient({
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    account: "0x0000000000000000000000000000000000000001",
  });
  const [deployerAddress, alice, bob, keeper] = await probe.getAddresses();
  if (!deployerAddress || !alice || !bob || !keeper) throw new Error("anvil returned too few accounts");
  const deployer = createDevnetClient({
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    account: deployerAddress,
  });
  const startBlock = await deployer.getBlockNumber();
  const contracts = await deployProtocol(deployer, defaultProtocolParameters);
  await provideGenesisLiquidity(deployer, contracts);
  const manifest: DeploymentManifest = {
    version: 1,
    chainId: anvil.chainId,
    rpcUrl: anvil.rpcUrl,
    startBlock,
    deployedAt: new Date(),
    launchTime: new Date(),
    contracts,
  };
  const client = createPublicClient({ transport: http(anvil.rpcUrl, { batch: true }) });
  const actors = createDevnetActors(deployer, contracts);
  return { anvil, deployer, client, manifest, actors, members: { alice, bob, keeper } };
}
