import type { DeploymentManifest, ProtocolParameters } from "@luma-pulse/protocol";
import {
  constantProductPoolAbi,
  feeBuybackAbi,
  mintableTokenAbi,
  multicall3Abi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import type { Abi, Address, Hash, Hex } from "viem";
import { confirm, type DevnetClient } from "../createDevnetClient.ts";
import {
  constantProductPoolBytecode,
  feeBuybackBytecode,
  mintableTokenBytecode,
  multicall3Bytecode,
  optionStakingBytecode,
  rebaseStakingBytecode,
  soraBytecode,
  soraLumaPoolBytecode,
} from "../generated/bytecodes.ts";

/** Where every protocol contract lives: the `contracts` part of a deployment manifest. */
export type ProtocolAddresses = DeploymentManifest["contracts"];

async function deploy(
  client: DevnetClient,
  abi: Abi,
  bytecode: Hex,
  args: readonly unknown[],
): Promise<Address> {
  const hash = await client.deployContract({
    abi,
    bytecode,
    args,
    account: client.account,
    chain: client.chain,
  });
  const receipt = await confirm(client, hash);
  if (!receipt.contractAddress) throw new Error(`Deployment ${hash} created no contract`);
  return receipt.contractAddress;
}

/**
 * Deploys the whole protocol from `client.account` (which stays the owner) and wires its roles:
 * LUMA is minted by the two staking contracts, SORA burned by its pool (sells) and the fee
 * buyback, SORA quota granted by option staking. The deployer may also mint POP, USDT and LUMA:
 * that is the devnet's faucet, used by the seed and the tests.
 */
export async function deployProtocol(
  client: DevnetClient,
  parameters: ProtocolParameters,
): Promise<ProtocolAddresses> {
  const owner = client.account.address;
  const token = (name: string, symbol: string, decimals: number) =>
    deploy(client, mintableTokenAbi, mintableTokenBytecode, [name, symbol, decimals, owner]);
  const pop = await token("POP", "POP", 18);
  const luma = await token("LUMA", "LUMA", 18);
  const usdt = await token("Tether USD (devnet)", "USDT", 6);
  const sora = await deploy(client, soraAbi, soraBytecode, [owner, owner]);
  const pool = (a: Address, b: Address, name: string, symbol: string) =>
    deploy(client, constantProductPoolAbi, constantProductPoolBytecode, [a, b, name, symbol]);
  const popLumaPool = await pool(pop, luma, "Luma LP POP/LUMA", "LP-POP-LUMA");
  const lumaUsdtPool = await pool(luma, usdt, "Luma LP LUMA/USDT", "LP-LUMA-USDT");
  const soraLumaPool = await deploy(client, soraLumaPoolAbi, soraLumaPoolBytecode, [sora, luma, owner]);
  const { fees, option, rebase } = parameters;
  const feeBuyback = await deploy(client, feeBuybackAbi, feeBuybackBytecode, [
    luma,
    sora,
    soraLumaPool,
    fees.buybackShareBps,
    fees.buybackThreshold,
    owner,
  ]);
  const optionStaking = await deploy(client, optionStakingAbi, optionStakingBytecode, [
    pop,
    luma,
    popLumaPool,
    soraLumaPool,
    feeBuyback,
    [option.dailyRateBps, option.capBps, option.releasePeriod, option.earlyFeeBps, option.soraQuotaBps],
    owner,
  ]);
  const rebaseStaking = await deploy(client, rebaseStakingAbi, rebaseStakingBytecode, [
    luma,
    feeBuyback,
    [rebase.epochLength, rebase.rebaseRateBps, rebase.claimFeeBps],
    owner,
  ]);
  const multicall3 = await deploy(client, multicall3Abi, multicall3Bytecode, []);
  const addresses = {
    pop,
    luma,
    sora,
    usdt,
    popLumaPool,
    soraLumaPool,
    lumaUsdtPool,
    optionStaking,
    rebaseStaking,
    feeBuyback,
    multicall3,
  };
  await grantRoles(client, addresses);
  return addresses;
}

async function grantRoles(client: DevnetClient, a: ProtocolAddresses): Promise<void> {
  const owner = client.account.address;
  const minters = [
    [a.luma, a.optionStaking],
    [a.luma, a.rebaseStaking],
    [a.luma, owner],
    [a.pop, owner],
    [a.usdt, owner],
  ] as const;
  const hashes: Hash[] = [];
  for (const [token, minter] of minters) {
    hashes.push(
      await client.writeContract({
        address: token,
        abi: mintableTokenAbi,
        functionName: "setMinter",
        args: [minter, true],
      }),
    );
  }
  for (const burner of [a.soraLumaPool, a.feeBuyback]) {
    hashes.push(
      await client.writeContract({
        address: a.sora,
        abi: soraAbi,
        functionName: "setBurner",
        args: [burner, true],
      }),
    );
  }
  hashes.push(
    await client.writeContract({
      address: a.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "setQuotaGranter",
      args: [a.optionStaking, true],
    }),
    await client.writeContract({
      address: a.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "setBuyback",
      args: [a.feeBuyback],
    }),
  );
  for (const hash of hashes) await confirm(client, hash);
}
