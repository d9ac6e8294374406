import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { confirm, connectDevnet, createDevnetConfig, startDevnet } from "@luma-pulse/devnet";
import { writeManifest } from "@luma-pulse/protocol";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import { type Address, parseUnits } from "viem";
import { startProtocolChain } from "../../services/gateway/test/startProtocolChain.ts";

/** One burn the bench made: when it was sent and when its receipt came back (anvil mines within the call). */
export type BenchBurn = { txHash: string; sentAt: number; minedAt: number };

/**
 * A fresh anvil with the protocol (no history, no simulator: every burn on it is the bench's own),
 * its manifest written for the gateway, and `burn()`: one SORA sell, whose fee burns SORA. One
 * burn is made at once, so a new bot resumes after it instead of racing its first subscription.
 */
export async function startFreshChain() {
  const chain = await startProtocolChain();
  const dir = await mkdtemp(join(tmpdir(), "luma-tg-bench-"));
  const manifestPath = join(dir, "manifest.json");
  await writeManifest(manifestPath, chain.manifest);
  const { actors, deployer, members, manifest } = chain;
  const { alice } = members;
  // Quota from a whale's stake, then one buy of all the SORA the sells will burn (burnLatency's recipe).
  await actors.optionStake(alice, parseUnits("10000000", 18));
  await confirm(
    deployer,
    await deployer.writeContract({
      address: manifest.contracts.luma,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [alice, parseUnits("100", 18)],
    }),
  );
  await actors.buySora(alice, parseUnits("10", 18));
  const burn = async (sora = "0.01"): Promise<BenchBurn> => {
    const sentAt = Date.now();
    const { transactionHash } = await actors.sellSora(alice, parseUnits(sora, 18));
    return { txHash: transactionHash.toLowerCase(), sentAt, minedAt: Date.now() };
  };
  await burn();
  return {
    manifestPath,
    burn,
    async stop() {
      await chain.anvil.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A freshly deployed and seeded devnet (48 weeks of history, as `npm start` makes it), with the
 * activity simulator running when `simulate`: new blocks and burns every second, as live.
 * `members` are seeded wallets that hold positions.
 */
export async function startSeededChain(simulate: boolean) {
  const dataDir = await mkdtemp(join(tmpdir(), "luma-tg-bench-"));
  const devnet = await startDevnet(
    createDevnetConfig({
      LUMA_DATA_DIR: dataDir,
      ANVIL_PORT: "0",
      LUMA_DEVNET_FRESH: "1",
      LUMA_SIMULATOR: simulate ? "1" : "0",
    }),
    { log: () => {} },
  );
  const { wallets } = await connectDevnet(devnet.anvil.rpcUrl, devnet.manifest.chainId);
  const members: Address[] = [wallets.whale, ...wallets.members.slice(0, 9)];
  return {
    manifestPath: devnet.manifestPath,
    members,
    async stop() {
      await devnet.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
