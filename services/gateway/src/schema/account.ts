import type { Address } from "viem";
import { builder } from "../builder.ts";
import { type AccountPosition, type AccountSnapshot, readAccount } from "../chain/readAccount.ts";
import { type BlockRef, readLatestBlock } from "../chain/readLatestBlock.ts";
import { BlockRefType } from "./protocol.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

const toDate = (seconds: bigint) => new Date(Number(seconds) * 1000);

const PositionType = builder.objectRef<AccountPosition & { now: bigint }>("OptionPosition").implement({
  description:
    "An option-staking position: POP paired with LUMA and locked forever; earns the daily rate up to the cap; " +
    "each reward releases linearly, or early against a burn fee. Amounts at the account's `block`.",
  fields: (t) => ({
    id: t.field({ type: "BigInt", resolve: (p) => p.id }),
    openedAt: t.field({ type: "DateTime", resolve: (p) => toDate(p.position.start) }),
    popStaked: t.field({ type: TokenAmountType, resolve: (p) => tokenAmount(p.position.popAmount, "POP") }),
    principal: t.field({
      type: TokenAmountType,
      description: "The POP's value in LUMA when staked: rewards are a share of it.",
      resolve: (p) => tokenAmount(p.position.principal, "LUMA"),
    }),
    dailyRateBps: t.int({ resolve: (p) => p.position.dailyRateBps }),
    capBps: t.int({ resolve: (p) => p.position.capBps }),
    earningUntil: t.field({
      type: "DateTime",
      description: "When the cap is reached and earning stops.",
      resolve: (p) => toDate(p.position.capTime),
    }),
    earned: t.field({
      type: TokenAmountType,
      description: "Lifetime rewards so far.",
      resolve: (p) => tokenAmount(p.state.earned, "LUMA"),
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
    fullyReleasedAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When what is earned so far will have released in full (the early fee on it falls to zero); null when nothing is locked.",
      resolve: (p) => {
        if (p.state.locked === 0n) return null;
        // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min would take them through a number)
        const lastEarned = p.now < p.position.capTime ? p.now : p.position.capTime;
        return toDate(lastEarned + BigInt(p.position.releasePeriod));
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
      description: "Rebase-staked LUMA; grows every epoch.",
      resolve: (a) => tokenAmount(a.balances.sLuma, "sLUMA"),
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
      "A wallet's balances, option positions (earned, claimable, locked, early fee now), sLUMA and SORA quota.",
    args: { address: t.arg({ type: "Address", required: true }) },
    resolve: async (_, { address }, ctx) => {
      const block = await readLatestBlock(ctx.client);
      const snapshot = await readAccount(ctx.client, ctx.manifest.contracts, address, block.number);
      return { ...snapshot, address, now: block.unixTime, block };
    },
  }),
);
