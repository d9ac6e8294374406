import { breakEvenOfWaiting, type ReleaseStream } from "@luma-pulse/protocol";
import type { Address } from "viem";
import { builder } from "../builder.ts";
import {
  type AccountPosition,
  type AccountSnapshot,
  readAccount,
  readPositionCount,
  readPositions,
} from "../chain/readAccount.ts";
import { type BlockRef, readLatestBlock } from "../chain/readLatestBlock.ts";
import type { GatewayContext } from "../context.ts";
import { type OptionStakeRecord, readAccountOptionStakes } from "../db/readAccountOptionStakes.ts";
import { readAccountSLumaGrowth, type SLumaGrowth } from "../db/readAccountSLumaGrowth.ts";
import { domainError } from "../errors/domainError.ts";
import { BlockRefType } from "./protocol.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

const toDate = (seconds: bigint) => new Date(Number(seconds) * 1000);
/** The earlier of two unix times (Math.min would take bigints through a number). */
const minBig = (a: bigint, b: bigint) => (a < b ? a : b);

type Position = AccountPosition & { now: bigint };

/**
 * The rewards a position has earned since its last early release, as the contract streams them
 * (OptionStaking._evaluate): earning from `vestFrom` until now or the cap.
 */
const releaseStreamOf = ({ position, now }: Position): ReleaseStream => ({
  rateNum: position.principal * BigInt(position.dailyRateBps),
  rateDen: 10_000n * 86_400n,
  lo: position.vestFrom,
  hi: minBig(now, position.capTime),
  period: BigInt(position.releasePeriod),
});

const OptionStakeType = builder.objectRef<OptionStakeRecord>("OptionStakeTransaction").implement({
  description: "The transaction that opened a position, from the event index.",
  fields: (t) => ({
    txHash: t.exposeString("txHash"),
    blockNumber: t.expose("blockNumber", { type: "BigInt" }),
    stakedAt: t.expose("blockTime", { type: "DateTime" }),
    lpLocked: t.expose("lpLocked", {
      type: "BigInt",
      description: "POP/LUMA LP tokens (18 decimals) the stake sent to the dead address: locked forever.",
    }),
  }),
});

const PositionType = builder.objectRef<Position>("OptionPosition").implement({
  description:
    "An option-staking position: POP paired with LUMA and locked forever; earns the daily rate up to the cap; " +
    "each reward releases linearly, or early against a burn fee. Amounts at the account's `block`.",
  fields: (t) => ({
    id: t.field({ type: "BigInt", resolve: (p) => p.id }),
    openedAt: t.field({ type: "DateTime", resolve: (p) => toDate(p.position.start) }),
    popStaked: t.field({
      type: TokenAmountType,
      description: "The POP staked: paired into the POP/LUMA pool for good, never returned.",
      resolve: (p) => tokenAmount(p.position.popAmount, "POP"),
    }),
    stake: t.loadable({
      type: OptionStakeType,
      nullable: true,
      description:
        "The opening transaction; null until the indexer has reached it. All positions of a request are read in one query.",
      load: (ids: bigint[], ctx: GatewayContext) =>
        readAccountOptionStakes(ctx.prisma, ctx.manifest.chainId, ids),
      sort: (record) => record.positionId,
      resolve: (p) => p.id,
    }),
    principal: t.field({
      type: TokenAmountType,
      description: "The POP's value in LUMA when staked: rewards are a share of it.",
      resolve: (p) => tokenAmount(p.position.principal, "LUMA"),
    }),
    dailyRateBps: t.int({ resolve: (p) => p.position.dailyRateBps }),
    capBps: t.int({ resolve: (p) => p.position.capBps }),
    releasePeriodSeconds: t.int({
      description: "Each reward releases linearly over this long from when it was earned.",
      resolve: (p) => p.position.releasePeriod,
    }),
    earlyFeeBps: t.int({
      description:
        "The early-release fee on a reward just earned; it falls linearly to 0 as the reward releases.",
      resolve: (p) => p.position.earlyFeeBps,
    }),
    earningUntil: t.field({
      type: "DateTime",
      description: "When the cap is reached and earning stops.",
      resolve: (p) => toDate(p.position.capTime),
    }),
    earned: t.field({
      type: TokenAmountType,
      description: "Lifetime rewards so far (earned = released + locked).",
      resolve: (p) => tokenAmount(p.state.earned, "LUMA"),
    }),
    released: t.field({
      type: TokenAmountType,
      description:
        "Earned and no longer locked: released over time, or taken early by an early release (fee included). " +
        "Of it, `claimable` is still to take; the rest was paid out (`withdrawn`) or burned as fees (`feesPaid`).",
      resolve: (p) => tokenAmount(p.state.earned - p.state.locked, "LUMA"),
    }),
    claimable: t.field({
      type: TokenAmountType,
      description: "Released and not yet claimed: free to claim now.",
      resolve: (p) => tokenAmount(p.state.claimable, "LUMA"),
    }),
    locked: t.field({
      type: TokenAmountType,
      description: "Earned but still releasing.",
      resolve: (p) => tokenAmount(p.state.locked, "LUMA"),
    }),
    earlyReleaseFeeNow: t.field({
      type: TokenAmountType,
      description: "The burn fee to take everything locked now.",
      resolve: (p) => tokenAmount(p.state.earlyReleaseFee, "LUMA"),
    }),
    earlyReleasePayoutNow: t.field({
      type: TokenAmountType,
      description: "What an early release pays now: claimable + locked − the fee.",
      resolve: (p) => tokenAmount(p.state.claimable + p.state.locked - p.state.earlyReleaseFee, "LUMA"),
    }),
    breakEvenOfWaiting: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "Release early now, or wait? Releasing early pays `locked − earlyReleaseFeeNow` at once; waiting releases " +
        "the same locked LUMA for free, each reward linearly over the release period from when it was earned. This is " +
        "the first moment at which waiting has released at least what releasing early pays now: after it, waiting is " +
        "strictly better. Rewards earned from now on stream the same either way and are left out. With no fee it is " +
        "`fullyReleasedAt` (waiting never beats a free early release); null when nothing is locked. Exact to the " +
        "second, with the contract's rounding.",
      resolve: (p) => {
        const result = breakEvenOfWaiting(releaseStreamOf(p), p.now, BigInt(p.position.earlyFeeBps));
        return result ? toDate(result.at) : null;
      },
    }),
    fullyReleasedAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When what is earned so far will have released in full (the early fee on it falls to zero); null when nothing is locked.",
      resolve: (p) => {
        if (p.state.locked === 0n) return null;
        return toDate(minBig(p.now, p.position.capTime) + BigInt(p.position.releasePeriod));
      },
    }),
    withdrawn: t.field({
      type: TokenAmountType,
      description: "Paid out so far (claims and early releases, after fees).",
      resolve: (p) => tokenAmount(p.state.withdrawn, "LUMA"),
    }),
    feesPaid: t.field({ type: TokenAmountType, resolve: (p) => tokenAmount(p.state.feesPaid, "LUMA") }),
  }),
});

type Account = AccountSnapshot & { address: Address; block: BlockRef; now: bigint };
type SLuma = SLumaGrowth & { balance: bigint; shares: bigint; index: bigint };

const SLumaType = builder.objectRef<SLuma>("SLumaPosition").implement({
  description:
    "A wallet's rebase staking in LUMA: what its sLUMA is worth now, what it put in and took out (indexed " +
    "stakes and unstakes), and what the index added. Growth is floored at 0: the contract rounds shares in its " +
    "own favour by a wei on each stake and unstake, which is rounding, not a loss.",
  fields: (t) => ({
    balance: t.field({
      type: TokenAmountType,
      description: "Worth now in LUMA: shares × index / 1e36 (the contract's sLUMA balance).",
      resolve: (s) => tokenAmount(s.balance, "LUMA"),
    }),
    shares: t.expose("shares", { type: "BigInt", description: "Share units (scaled by 1e36 / index)." }),
    index: t.expose("index", { type: "BigInt", description: "The rebase index now, 18 decimals." }),
    deposited: t.field({
      type: TokenAmountType,
      description: "LUMA staked over the wallet's life.",
      resolve: (s) => tokenAmount(s.deposited, "LUMA"),
    }),
    withdrawn: t.field({
      type: TokenAmountType,
      description: "sLUMA unstaked over the wallet's life, before the claim fee.",
      resolve: (s) => tokenAmount(s.withdrawn, "LUMA"),
    }),
    netDeposited: t.field({
      type: TokenAmountType,
      description: "deposited − withdrawn; negative once more was taken out than put in.",
      resolve: (s) => tokenAmount(s.netDeposited, "LUMA"),
    }),
    growth: t.field({
      type: TokenAmountType,
      description:
        "balance − netDeposited: all the index has added over the wallet's life (claim fees not deducted).",
      resolve: (s) => tokenAmount(s.growth, "LUMA"),
    }),
    growth7d: t.field({
      type: TokenAmountType,
      description:
        "What the index added in the last 7 days of chain time: balance now − the balance of 7 days ago (the shares " +
        "held then at the index of the last rebase before then) − LUMA net deposited since.",
      resolve: (s) => tokenAmount(s.growth7d, "LUMA"),
    }),
    index7dAgo: t.expose("index7dAgo", {
      type: "BigInt",
      description: "The index 7 days ago (1e18 before the first rebase).",
    }),
  }),
});

const AccountType = builder.objectRef<Account>("Account").implement({
  description: "A wallet's holdings and staking, read from the chain at `block`.",
  fields: (t) => ({
    address: t.expose("address", { type: "Address" }),
    block: t.expose("block", { type: BlockRefType }),
    pop: t.field({ type: TokenAmountType, resolve: (a) => tokenAmount(a.balances.pop, "POP") }),
    luma: t.field({ type: TokenAmountType, resolve: (a) => tokenAmount(a.balances.luma, "LUMA") }),
    sora: t.field({ type: TokenAmountType, resolve: (a) => tokenAmount(a.balances.sora, "SORA") }),
    usdt: t.field({ type: TokenAmountType, resolve: (a) => tokenAmount(a.balances.usdt, "USDT") }),
    sLuma: t.field({
      type: TokenAmountType,
      description: "Rebase-staked LUMA; grows every epoch. `sLumaGrowth` has what it is made of.",
      resolve: (a) => tokenAmount(a.balances.sLuma, "sLUMA"),
    }),
    sLumaGrowth: t.field({
      type: SLumaType,
      description:
        "sLUMA in LUMA: balance, LUMA net deposited, growth over the wallet's life and the last 7 days.",
      resolve: async (a, _, ctx) => ({
        balance: a.balances.sLuma,
        shares: a.rebaseShares,
        index: a.rebaseIndex,
        ...(await readAccountSLumaGrowth(ctx.prisma, ctx.manifest.chainId, {
          account: a.address,
          sharesNow: a.rebaseShares,
          valueNow: a.balances.sLuma,
          blockNumber: a.block.number,
          at: a.block.timestamp,
        })),
      }),
    }),
    soraQuota: t.field({
      type: TokenAmountType,
      description: "SORA this wallet may still buy (granted by option staking).",
      resolve: (a) => tokenAmount(a.soraQuota, "SORA"),
    }),
    optionPositions: t.field({
      type: [PositionType],
      resolve: (a) => a.positions.map((p) => ({ ...p, now: a.now })),
    }),
  }),
});

builder.queryField("account", (t) =>
  t.field({
    type: AccountType,
    description:
      "A wallet's balances, option positions (POP staked, earned, released, claimable, locked, early fee now, " +
      "break-even of waiting), sLUMA and its growth, and SORA quota. Any number of positions costs two multicalls.",
    args: { address: t.arg({ type: "Address", required: true }) },
    resolve: async (_, { address }, ctx) => {
      const block = await readLatestBlock(ctx.client);
      const snapshot = await readAccount(ctx.client, ctx.manifest.contracts, address, block.number);
      return { ...snapshot, address, now: block.unixTime, block };
    },
  }),
);

builder.queryField("optionPosition", (t) =>
  t.field({
    type: PositionType,
    description: "One option position by id, read from the chain at the latest block.",
    args: { id: t.arg({ type: "BigInt", required: true }) },
    resolve: async (_, { id }, ctx) => {
      const block = await readLatestBlock(ctx.client);
      const count = await readPositionCount(ctx.client, ctx.manifest.contracts, block.number);
      if (id < 0n || id >= count) throw domainError("UNKNOWN_POSITION", { id: id.toString() });
      const [position] = await readPositions(ctx.client, ctx.manifest.contracts, [id], block.number);
      if (!position) throw new Error(`position ${id} read as nothing`);
      return { ...position, now: block.unixTime };
    },
  }),
);
