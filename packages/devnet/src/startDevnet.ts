import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  type DeploymentManifest,
  defaultProtocolParameters,
  readManifest,
  writeManifest,
} from "@luma-pulse/protocol";
import { assertStateFileReadable, promoteStateDump, stateDumpPath } from "./chainStateFile.ts";
import { connectDevnet, DEVNET_ACCOUNTS } from "./connectDevnet.ts";
import { DevnetError } from "./DevnetError.ts";
import { deployProtocol } from "./deploy/deployProtocol.ts";
import { provideGenesisLiquidity } from "./deploy/provideGenesisLiquidity.ts";
import type { DevnetConfig } from "./devnetConfig.ts";
import { type SeedSummary, seedProtocolHistory } from "./seed/seedProtocolHistory.ts";
import { seedTargets } from "./seed/seedTargets.ts";
import { type ActivitySimulator, startActivitySimulator } from "./simulator/startActivitySimulator.ts";
import { type AnvilInstance, startAnvil } from "./startAnvil.ts";

const CHAIN_ID = 31337;

export type DevnetOrigin = { kind: "reused" } | { kind: "seeded"; summary: SeedSummary };

export type RunningDevnet = {
  anvil: AnvilInstance;
  manifest: DeploymentManifest;
  manifestPath: string;
  /** How the chain got its state: reused from the last run, or deployed and seeded now. */
  origin: DevnetOrigin;
  simulator?: ActivitySimulator;
  /** Stops the simulator, then anvil (which writes its state for the next start). */
  stop(): Promise<void>;
};

type Log = (message: string) => void;

/**
 * Starts the local chain for `npm start`: reuses the previous run's chain when its state and
 * manifest are there (anvil reloads `anvil-state.json`), otherwise deploys and seeds a fresh one
 * with the real protocol's figures; then starts the activity simulator. Anvil is stopped again if
 * anything after its start fails or `signal` aborts.
 */
export async function startDevnet(
  config: DevnetConfig,
  options: { log?: Log; signal?: AbortSignal } = {},
): Promise<RunningDevnet> {
  const log = options.log ?? console.log;
  await mkdir(config.dataDir, { recursive: true });
  const paths = {
    manifest: join(config.dataDir, "manifest.json"),
    state: join(config.dataDir, "anvil-state.json"),
  };
  const chain = await openOrSeedChain(config, paths, log, options.signal);
  try {
    const simulator = config.simulate
      ? await startSimulator(chain.anvil, chain.manifest, config.tickMs, log)
      : undefined;
    return {
      ...chain,
      manifestPath: paths.manifest,
      simulator,
      async stop() {
        await simulator?.stop();
        await chain.anvil.stop();
      },
    };
  } catch (error) {
    await chain.anvil.stop();
    throw error;
  }
}

type ChainPaths = { manifest: string; state: string };
type OpenChain = { anvil: AnvilInstance; manifest: DeploymentManifest; origin: DevnetOrigin };

async function openOrSeedChain(config: DevnetConfig, paths: ChainPaths, log: Log, signal?: AbortSignal) {
  if (!config.fresh) {
    const reused = await tryReuse(config, paths, log);
    if (reused) return reused;
  }
  for (const path of [paths.state, stateDumpPath(paths.state), paths.manifest])
    await rm(path, { force: true });
  return seedFreshChain(config, paths, log, signal);
}

const anvilOptions = (config: DevnetConfig, stateFile: string) => ({
  port: config.port,
  host: config.host,
  chainId: CHAIN_ID,
  accounts: DEVNET_ACCOUNTS,
  stateFile,
});

/**
 * Deploys and seeds from the protocol's launch date to now. The manifest is written only after
 * anvil has been restarted from its saved state, so a manifest never names a chain that was not
 * saved in full (a crash mid-seed leaves a state without a manifest: the next start replaces it).
 */
async function seedFreshChain(config: DevnetConfig, paths: ChainPaths, log: Log, signal?: AbortSignal) {
  const launch = BigInt(seedTargets.launchTime.getTime() / 1000);
  let anvil = await startAnvil({ ...anvilOptions(config, paths.state), timestamp: launch });
  try {
    const { deployer, wallets } = await connectDevnet(anvil.rpcUrl, anvil.chainId);
    const startBlock = await deployer.getBlockNumber();
    const contracts = await deployProtocol(deployer, defaultProtocolParameters);
    await provideGenesisLiquidity(deployer, contracts);
    log(`devnet: protocol deployed; seeding ${wallets.members.length} members' history since launch…`);
    const seeder = await connectDevnet(anvil.rpcUrl, anvil.chainId, contracts.multicall3);
    const summary = await seedProtocolHistory({
      ...seeder,
      addresses: contracts,
      endTime: BigInt(Math.floor(Date.now() / 1000)),
      log,
      signal,
    });
    await anvil.stop(); // writes the state file
    anvil = await startAnvil(anvilOptions(config, paths.state));
    const manifest: DeploymentManifest = {
      version: 1,
      chainId: anvil.chainId,
      rpcUrl: config.publicRpcUrl ?? anvil.rpcUrl,
      startBlock,
      deployedAt: new Date(),
      launchTime: seedTargets.launchTime,
      contracts,
    };
    await writeManifest(paths.manifest, manifest);
    return { anvil, manifest, origin: { kind: "seeded", summary } } satisfies OpenChain;
  } catch (error) {
    await anvil.stop();
    for (const path of [paths.state, stateDumpPath(paths.state)]) await rm(path, { force: true });
    throw error;
  }
}

/** The previous run's chain, if its state file and manifest are there and its contracts exist. */
async function tryReuse(config: DevnetConfig, paths: ChainPaths, log: Log): Promise<OpenChain | undefined> {
  await promoteStateDump(paths.state);
  if (!existsSync(paths.state) || !existsSync(paths.manifest)) return undefined;
  let manifest: DeploymentManifest;
  try {
    manifest = await readManifest(paths.manifest);
  } catch (error) {
    // Never written by hand in normal use (writes are atomic): say so rather than silently discard.
    throw new DevnetError(
      "invalid_manifest",
      `${(error as Error).message} To start over with a fresh devnet, run \`LUMA_DEVNET_FRESH=1 npm start\`.`,
      { cause: error },
    );
  }
  await assertStateFileReadable(paths.state);
  const anvil = await startAnvil(anvilOptions(config, paths.state));
  try {
    const { deployer } = await connectDevnet(anvil.rpcUrl, anvil.chainId);
    const code = await deployer.getCode({ address: manifest.contracts.optionStaking });
    if (manifest.chainId === anvil.chainId && code !== undefined && code !== "0x") {
      // The port or public URL may differ from last time (ANVIL_PORT, DEVNET_RPC_URL): keep the
      // manifest truthful.
      const rpcUrl = config.publicRpcUrl ?? anvil.rpcUrl;
      if (manifest.rpcUrl !== rpcUrl) {
        manifest = { ...manifest, rpcUrl };
        await writeManifest(paths.manifest, manifest);
      }
      return { anvil, manifest, origin: { kind: "reused" } };
    }
  } catch (error) {
    await anvil.stop();
    throw error;
  }
  log("devnet: the saved chain state does not match its manifest; deploying a fresh one.");
  await anvil.stop();
  return undefined;
}

async function startSimulator(anvil: AnvilInstance, manifest: DeploymentManifest, tickMs: number, log: Log) {
  const { deployer, wallets } = await connectDevnet(
    anvil.rpcUrl,
    anvil.chainId,
    manifest.contracts.multicall3,
  );
  return startActivitySimulator({ deployer, addresses: manifest.contracts, wallets, tickMs, log });
}
