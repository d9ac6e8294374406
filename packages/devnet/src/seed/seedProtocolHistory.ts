import { getAmountIn } from "@luma-pulse/protocol";
import type { Address } from "viem";
import { createDevnetActors, type DevnetActors } from "../actors/createDevnetActors.ts";
import { createRandom, type Random } from "../actors/createRandom.ts";
import type { OpenPosition } from "../actors/OpenPosition.ts";
import { ignoreReverts } from "../actors/TxRevertedError.ts";
import { advanceChainTo } from "../advanceChainTo.ts";
import type { DevnetClient } from "../createDevnetClient.ts";
import type { ProtocolAddresses } from "../deploy/deployProtocol.ts";
import { burnToward } from "./burnToward.ts";
import { calibrateSoraUsdPrice } from "./calibrateSoraUsdPrice.ts";
import { seedTargets } from "./seedTargets.ts";

/** Rounds of member activity between launch and now (about one a week). */
const STEPS = 48;
/** Burns stop this far below the target so the last, exact part can be a sell of a precise size. */
const FINAL_SELL_MARGIN = 80_000n * 10n ** 18n;
/** The whale's stake at launch: 20M LUMA of principal, so 200,000 SORA of quota for the last sell. */
const WHALE_POP = 40_000_000n * 10n ** 18n;

export type SeedSummary = {
  members: number;
  optionPositions: number;
  rebaseStakers: number;
  transactions: number;
  soraBurned: bigint;
  soraUsdPrice: bigint;
  durationMs: number;
};

export type SeedWallets = {
  /** Calls buybacks and rebases, as community keepers do. */
  keeper: Address;
  /** An early large staker; its SORA quota makes the last burn exact. */
  whale: Address;
  /** Trades LUMA/USDT: the rest of the market. */
  trader: Address;
  members: readonly Address[];
};

/**
 * Writes a protocol history from launch to `endTime` onto a freshly deployed devnet: members join
 * round by round with option and rebase stakes of all sizes, claim, release early, trade SORA with
 * their quota and unstake, keepers rebase and buy back, until the chain shows the real protocol's
 * figures (seedTargets): the exact SORA burned total and SORA's USD price. Deterministic per `seed`
 * (except for `endTime`).
 */
export async function seedProtocolHistory(options: {
  deployer: DevnetClient;
  addresses: ProtocolAddresses;
  wallets: SeedWallets;
  endTime: bigint;
  seed?: number;
  log?: (message: string) => void;
  /** Stops the seed between rounds (Ctrl-C during `npm start`). */
  signal?: AbortSignal;
}): Promise<SeedSummary> {
  const started = performance.now();
  const { deployer, addresses: a, wallets } = options;
  const log = options.log ?? (() => {});
  const random = createRandom(options.seed ?? 14_12_2025);
  const actors = createDevnetActors(deployer, a);
  const positions: OpenPosition[] = [];
  const rebaseStakers = new Set<Address>();
  const soraHolders = new Set<Address>();
  const launch = await actors.now();
  const span = options.endTime - launch;
  const finalCap = seedTargets.soraBurned - FINAL_SELL_MARGIN;

  await actors.optionStake(wallets.whale, WHALE_POP);
  const perStep = Math.ceil(wallets.members.length / STEPS);
  for (let step = 0; step < STEPS; step++) {
    options.signal?.throwIfAborted();
    await advanceChainTo(deployer, launch + (span * BigInt(step + 1)) / BigInt(STEPS + 1));
    for (const member of wallets.members.slice(step * perStep, (step + 1) * perStep)) {
      const popAmount = random.tokens(2_000, 800_000);
      positions.push({ id: await actors.optionStake(member, popAmount), owner: member, popAmount });
      if (random.chance(0.6)) {
        await actors.rebaseStake(member, random.tokens(100, 30_000, 6));
        rebaseStakers.add(member);
      }
    }
    await actors.rebaseIfDue();
    await roundOfActivity({ actors, random, positions, rebaseStakers, soraHolders });
    // Burns front-loaded like the real protocol's: SORA was cheapest, so buybacks burned most, early.
    const progress = (step + 1) / STEPS;
    const scheduled =
      (seedTargets.soraBurned * BigInt(Math.round((1 - (1 - progress) ** 2) * 1e6))) / 1_000_000n;
    await burnToward({
      actors,
      random,
      positions,
      keeper: wallets.keeper,
      target: scheduled < finalCap ? scheduled : finalCap,
      hardCap: finalCap,
      maxReleases: step === STEPS - 1 ? 400 : 60,
    });
    if (step % 8 === 7) log(`seed: round ${step + 1}/${STEPS}, ${actors.sentCount()} transactions`);
  }
  await advanceChainTo(deployer, options.endTime);
  await actors.rebaseIfDue();
  const soraBurned = await burnExactly(actors, wallets.whale, seedTargets.soraBurned);
  const soraUsdPrice = await calibrateSoraUsdPrice(actors, wallets.trader, seedTargets.soraUsdPrice);
  return {
    members: wallets.members.length,
    optionPositions: positions.length + 1,
    rebaseStakers: rebaseStakers.size,
    transactions: actors.sentCount(),
    soraBurned,
    soraUsdPrice,
    durationMs: Math.round(performance.now() - started),
  };
}

/** A round of ordinary member activity: claims, SORA bought with quota and sold, some unstaking. */
async function roundOfActivity(s: {
  actors: DevnetActors;
  random: Random;
  positions: readonly OpenPosition[];
  rebaseStakers: Set<Address>;
  soraHolders: Set<Address>;
}) {
  const { actors, random, positions } = s;
  for (let i = 0; i < 6 && positions.length > 0; i++) {
    const p = random.pick(positions);
    await actors.claim(p.owner, p.id).catch(ignoreReverts("NothingToClaim"));
  }
  for (let i = 0; i < 3 && positions.length > 0; i++) {
    const { owner } = random.pick(positions);
    await actors.buySoraWithQuota(owner, random, 2n);
    s.soraHolders.add(owner);
  }
  for (let i = 0; i < 2 && s.soraHolders.size > 0; i++) {
    const holder = random.pick([...s.soraHolders]);
    const held = await actors.read.balance(actors.addresses.sora, holder);
    if (held > 0n) await actors.sellSora(holder, (held * BigInt(random.int(30, 100))) / 100n);
  }
  if (s.rebaseStakers.size > 0 && random.chance(0.7)) {
    const staker = random.pick([...s.rebaseStakers]);
    const balance = await actors.read.sLuma(staker);
    if (balance > 0n) await actors.unstake(staker, (balance * BigInt(random.int(10, 60))) / 100n);
  }
}

/** Burns the last gap to `target` exactly: the whale buys that much SORA with quota and sells it. */
async function burnExactly(actors: DevnetActors, whale: Address, target: bigint): Promise<bigint> {
  const a = actors.addresses;
  const gap = target - (await actors.read.soraBurned());
  if (gap < 0n) throw new Error(`seed overshot the SORA burn target by ${-gap} wei`);
  if (gap === 0n) return target;
  const quota = await actors.read.quota(whale);
  if (quota < gap)
    throw new Error(`seed: the whale's SORA quota (${quota}) cannot cover the last ${gap} wei`);
  const [soraReserve, lumaReserve] = await actors.read.reserves(a.soraLumaPool);
  // The whale pays with its own released rewards (position 0, opened at launch).
  await actors.claim(whale, 0n).catch(ignoreReverts("NothingToClaim"));
  await actors.buySora(whale, getAmountIn(gap, lumaReserve, soraReserve));
  await actors.sellSora(whale, gap);
  return actors.read.soraBurned();
}
