import { formatAmount } from "@luma-pulse/protocol";
import { soraAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { createDevnetActors, type DevnetActors } from "../actors/createDevnetActors.ts";
import { createRandom, type Random } from "../actors/createRandom.ts";
import type { OpenPosition } from "../actors/OpenPosition.ts";
import { ignoreReverts } from "../actors/TxRevertedError.ts";
import { advanceChainBy } from "../advanceChainTo.ts";
import type { DevnetClient } from "../createDevnetClient.ts";
import type { ProtocolAddresses } from "../deploy/deployProtocol.ts";
import type { SeedWallets } from "../seed/seedProtocolHistory.ts";
import { loadSimulatorState, type SimulatorState } from "./loadSimulatorState.ts";

export type SimulatorOptions = {
  deployer: DevnetClient;
  addresses: ProtocolAddresses;
  wallets: SeedWallets;
  /** Wall-clock milliseconds between ticks. */
  tickMs?: number;
  /** Chain seconds per tick: 7,200 (2 h) makes an 8 h epoch pass every 4 ticks. */
  chainSecondsPerTick?: bigint;
  seed?: number;
  log?: (message: string) => void;
  /** How often to log a summary, in ticks. */
  reportEveryTicks?: number;
};

export type ActivitySimulator = {
  stop(): Promise<void>;
  stats(): { ticks: number; burns: number; soraBurned: bigint; errors: number };
};

type Tick = { actors: DevnetActors; random: Random; state: SimulatorState; wallets: SeedWallets };

/**
 * Keeps a devnet alive: every tick moves chain time forward, rebases when an epoch has ended, and
 * lets members act — stake, claim, release early, buy SORA with quota, sell it (a burn), unstake —
 * with a keeper buying back when fees allow. Small sells make burns arrive every few seconds; a
 * rare large holder's sell or a big buyback makes a large one. A failing action is logged and the
 * next tick goes on: a demo chain must not stop because one member's move was invalid.
 */
export async function startActivitySimulator(options: SimulatorOptions): Promise<ActivitySimulator> {
  const { deployer, addresses: a, wallets } = options;
  const log = options.log ?? (() => {});
  const actors = createDevnetActors(deployer, a);
  const state = await loadSimulatorState(deployer, a, wallets.members);
  const tick: Tick = { actors, random: createRandom(options.seed ?? Date.now()), state, wallets };
  const stats = { ticks: 0, burns: 0, soraBurned: 0n, errors: 0 };
  const logError = throttledLog(log);
  const unwatch = deployer.watchContractEvent({
    address: a.sora,
    abi: soraAbi,
    eventName: "SoraBurned",
    pollingInterval: 500,
    onLogs: (logs) => {
      for (const entry of logs) {
        stats.burns += 1;
        stats.soraBurned += entry.args.amount ?? 0n;
      }
    },
    onError: (error) => logError(`watching burns: ${error.message.split("\n")[0]}`),
  });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reportEvery = options.reportEveryTicks ?? 30;
  let reported = { burns: 0, soraBurned: 0n };

  const runTick = async () => {
    try {
      await advanceChainBy(deployer, options.chainSecondsPerTick ?? 7_200n);
      await actTick(tick);
    } catch (error) {
      stats.errors += 1;
      logError(error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error));
    }
    stats.ticks += 1;
    if (stats.ticks % reportEvery === 0) {
      const burns = stats.burns - reported.burns;
      const burned = formatAmount(stats.soraBurned - reported.soraBurned, 18, { maxFractionDigits: 0 });
      log(`simulator: ${burns} burns (${burned} SORA) in the last ${reportEvery} ticks`);
      reported = { burns: stats.burns, soraBurned: stats.soraBurned };
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runTick().finally(schedule);
    }, options.tickMs ?? 1_000);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      unwatch();
    },
    stats: () => ({ ...stats }),
  };
}

/** Logs a message, but the same message again only every 50th time (a dead RPC fails every tick). */
function throttledLog(log: (message: string) => void) {
  const seen = new Map<string, number>();
  return (message: string) => {
    const count = (seen.get(message) ?? 0) + 1;
    seen.set(message, count);
    if (count === 1 || count % 50 === 0) log(`simulator: ${message}${count > 1 ? ` (×${count})` : ""}`);
  };
}

/** One tick of member activity; probabilities tuned for a live but slowly moving demo. */
async function actTick({ actors, random, state, wallets }: Tick) {
  await actors.rebaseIfDue();
  const members = wallets.members;
  const roll = random.next();
  if (roll < 0.2) {
    const member = random.pick(members);
    const popAmount = random.tokens(1_000, 300_000);
    state.positions.push({ id: await actors.optionStake(member, popAmount), owner: member, popAmount });
    state.quotaHolders.add(member);
  } else if (roll < 0.3) {
    const member = random.pick(members);
    await actors.rebaseStake(member, random.tokens(50, 20_000, 6));
    state.rebaseStakers.add(member);
  } else if (roll < 0.55 && state.positions.length > 0) {
    const p = random.pick(state.positions);
    await actors.claim(p.owner, p.id).catch(ignoreReverts("NothingToClaim"));
  } else if (roll < 0.57 && state.positions.length > 1) {
    // Smaller positions only: one large fee would buy back a big slice of the pool at once, and
    // chain time runs ~7,000× faster than the clock, so the demo would burn out within the hour.
    const p = random.pick(smallerHalf(state.positions));
    await actors.releaseEarly(p.owner, p.id).catch(ignoreReverts("NothingLocked"));
  } else if (roll < 0.62 && state.rebaseStakers.size > 0) {
    const staker = random.pick([...state.rebaseStakers]);
    const balance = await actors.read.sLuma(staker);
    if (balance > 0n) await actors.unstake(staker, (balance * BigInt(random.int(5, 50))) / 100n);
  } else if (state.quotaHolders.size > 0) {
    await actors.buySoraWithQuota(random.pick([...state.quotaHolders]), random);
  }
  if (random.chance(0.6)) await sellSomeSora(actors, random, [...state.quotaHolders]);
  if (random.chance(0.02)) await largeSell(actors, random, [wallets.whale, ...state.quotaHolders]);
  if (random.chance(0.2) && (await actors.read.pendingBuyback()) >= (await actors.read.buybackThreshold())) {
    await actors.buyback(wallets.keeper);
  }
}

function smallerHalf(positions: readonly OpenPosition[]): OpenPosition[] {
  const sorted = [...positions].sort((x, y) =>
    x.popAmount < y.popAmount ? -1 : x.popAmount > y.popAmount ? 1 : 0,
  );
  return sorted.slice(0, Math.max(1, Math.floor(sorted.length / 2)));
}

/**
 * A holder sells part of their SORA: the most common burn. A member with quota but no SORA buys
 * some first, so a sell (and its burn) happens nearly every time this is called.
 */
async function sellSomeSora(actors: DevnetActors, random: Random, holders: Address[]) {
  if (holders.length === 0) return;
  const holder = random.pick(holders);
  const sora = actors.addresses.sora;
  if ((await actors.read.balance(sora, holder)) === 0n) await actors.buySoraWithQuota(holder, random);
  const held = await actors.read.balance(sora, holder);
  if (held > 0n) await actors.sellSora(holder, (held * BigInt(random.int(20, 100))) / 100n);
}

/**
 * A large holder takes profit (about one tick in fifty): of a few quota holders, the one with the
 * most quota left buys with most of it and sells everything at once — one of the rare large burns.
 */
async function largeSell(actors: DevnetActors, random: Random, holders: Address[]) {
  const candidates = Array.from({ length: 5 }, () => random.pick(holders));
  const quotas = await Promise.all(candidates.map((holder) => actors.read.quota(holder)));
  const best = quotas.reduce((top, quota, i) => (quota > (quotas[top] ?? 0n) ? i : top), 0);
  const seller = candidates[best];
  if (!seller || (quotas[best] ?? 0n) === 0n) return;
  await actors.buySoraWithQuota(seller, random);
  const held = await actors.read.balance(actors.addresses.sora, seller);
  if (held > 0n) await actors.sellSora(seller, held);
}
