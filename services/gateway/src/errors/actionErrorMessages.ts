import type { AmountErrorCode } from "@luma-pulse/protocol";

type InvalidAmount = { value: string; reason: AmountErrorCode; symbol: string; decimals: number };
type Balance = {
  symbol: string;
  requested: string;
  balance: string;
  requestedRaw: string;
  balanceRaw: string;
};
type Quota = { requested: string; quota: string; requestedRaw: string; quotaRaw: string };
type Reverted = { step: number; contractError: string; reason: string };

const invalidAmountEn: Record<AmountErrorCode, (p: InvalidAmount) => string> = {
  empty: (p) => `Enter an amount of ${p.symbol}, like 100 or 0.5, or "max".`,
  not_a_number: (p) =>
    `"${p.value}" is not an amount. Use digits with a dot for decimals (100, 0.5, 1,000.25) or "max".`,
  negative: (p) => `The amount must be positive; got "${p.value}".`,
  scientific: (p) => `Write the amount out in full digits: "${p.value}" uses scientific notation.`,
  too_many_decimals: (p) => `${p.symbol} has at most ${p.decimals} decimal places; "${p.value}" has more.`,
  zero: () => "The amount must be greater than zero.",
  too_large: (p) => `"${p.value}" is too large to be an amount of ${p.symbol}.`,
};

const invalidAmountZh: Record<AmountErrorCode, (p: InvalidAmount) => string> = {
  empty: (p) => `请输入 ${p.symbol} 数量，例如 100 或 0.5，或 "max"（全部）。`,
  not_a_number: (p) =>
    `"${p.value}" 不是有效数量。请使用数字，小数用点号（100、0.5、1,000.25），或 "max"（全部）。`,
  negative: (p) => `数量必须为正数，收到 "${p.value}"。`,
  scientific: (p) => `请完整写出数字："${p.value}" 使用了科学计数法。`,
  too_many_decimals: (p) => `${p.symbol} 最多有 ${p.decimals} 位小数，"${p.value}" 超出了。`,
  zero: () => "数量必须大于零。",
  too_large: (p) => `"${p.value}" 作为 ${p.symbol} 数量过大。`,
};

/**
 * Domain error messages of one area — Transaction plans (actions/): amounts, balances, quotas, positions — merged into
 * `domainErrorMessages` (see there for the shape: `en` and `zh` functions of the same params).
 * Amounts in params are exact: `balance`/`quota` in whole tokens (all decimals, so a member can
 * type them back), `…Raw` in base units.
 */
export const actionErrorMessages = {
  INVALID_AMOUNT: {
    en: (p: InvalidAmount) => invalidAmountEn[p.reason](p),
    zh: (p: InvalidAmount) => invalidAmountZh[p.reason](p),
  },
  INSUFFICIENT_BALANCE: {
    en: (p: Balance) =>
      `Not enough ${p.symbol}: this needs ${p.requested} ${p.symbol} but the account has ${p.balance}.`,
    zh: (p: Balance) =>
      `${p.symbol} 余额不足：此操作需要 ${p.requested} ${p.symbol}，账户只有 ${p.balance}。`,
  },
  NO_BALANCE: {
    en: (p: { symbol: string; account: string }) => `${p.account} holds no ${p.symbol}.`,
    zh: (p: { symbol: string; account: string }) => `${p.account} 没有 ${p.symbol}。`,
  },
  AMOUNT_TOO_SMALL: {
    en: (p: { value: string; symbol: string }) =>
      `${p.value} ${p.symbol} is too small: it would give nothing in return.`,
    zh: (p: { value: string; symbol: string }) => `${p.value} ${p.symbol} 太少：不会换得任何东西。`,
  },
  NO_SORA_QUOTA: {
    en: (p: { account: string }) =>
      `${p.account} has no SORA quota. SORA can only be bought with quota, which staking POP in option staking grants.`,
    zh: (p: { account: string }) =>
      `${p.account} 没有 SORA 购买额度。SORA 只能凭额度购买，额度来自期权质押 POP。`,
  },
  QUOTA_EXCEEDED: {
    en: (p: Quota) =>
      `This buy would get ${p.requested} SORA but the account's SORA quota is ${p.quota}. Buy less, or "max" for the whole quota.`,
    zh: (p: Quota) =>
      `此次购买将得到 ${p.requested} SORA，但账户的 SORA 额度只有 ${p.quota}。请减少数量，或用 "max" 买满额度。`,
  },
  POSITION_NOT_OWNED: {
    en: (p: { id: string; account: string }) => `Option position ${p.id} is not held by ${p.account}.`,
    zh: (p: { id: string; account: string }) => `期权质押仓位 ${p.id} 不属于 ${p.account}。`,
  },
  NOTHING_TO_CLAIM: {
    en: (p: { id: string }) =>
      `Position ${p.id} has no released LUMA to claim yet: rewards release linearly, try again later.`,
    zh: (p: { id: string }) => `仓位 ${p.id} 暂无已释放的 LUMA 可领取：奖励线性释放，请稍后再试。`,
  },
  NOTHING_LOCKED: {
    en: (p: { id: string }) =>
      `Position ${p.id} has nothing still releasing, so there is nothing to release early.`,
    zh: (p: { id: string }) => `仓位 ${p.id} 没有仍在释放中的奖励，无需提前释放。`,
  },
  PLAN_REVERTED: {
    en: (p: Reverted) => `Step ${p.step} would fail on chain: ${p.reason}`,
    zh: (p: Reverted) => `第 ${p.step} 步在链上会失败：合约拒绝了此操作（${p.contractError}）。`,
  },
} as const;
