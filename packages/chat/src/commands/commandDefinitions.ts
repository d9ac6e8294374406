import { addressArg, amountArg, assetArg, languageArg, positionArg, wordsArg } from "./argSpecs.ts";
import type { CommandDefinition } from "./CommandDefinition.ts";

const BOTH = ["telegram", "discord"] as const;
const TELEGRAM = ["telegram"] as const;

const read = { group: "protocol", scope: "any", adminOnly: false, platforms: BOTH, inMenu: true } as const;
const wallet = {
  group: "wallet",
  scope: "private",
  adminOnly: false,
  platforms: BOTH,
  inMenu: true,
} as const;

/**
 * Every command of both bots, in menu order. Handlers are typed from this list (`CommandArgs`), and
 * menus, usage lines and /help are generated from it.
 */
export const commandDefinitions = [
  {
    name: "start",
    description: { en: "Welcome and what I can do", zh: "欢迎与功能介绍" },
    args: [
      wordsArg("payload", { en: "payload", zh: "参数" }, { en: "Deep-link payload", zh: "深层链接参数" }),
    ],
    group: "settings",
    scope: "any",
    adminOnly: false,
    platforms: TELEGRAM,
    inMenu: false,
  },
  {
    name: "help",
    description: { en: "Every command", zh: "全部命令" },
    args: [],
    ...read,
    group: "settings",
    platforms: TELEGRAM,
  },
  {
    name: "yields",
    localizedName: { zh: "收益率" },
    description: { en: "Staking yields: APR, APY, real yield", zh: "质押收益率：单利、复利与实际收益" },
    args: [],
    ...read,
  },
  {
    name: "sora",
    description: { en: "SORA burned, supply, price, milestones", zh: "SORA 销毁、流通量、价格与里程碑" },
    args: [],
    ...read,
  },
  {
    name: "burns",
    localizedName: { zh: "销毁记录" },
    description: { en: "The latest SORA burns", zh: "最新 SORA 销毁记录" },
    args: [],
    ...read,
  },
  {
    name: "price",
    localizedName: { zh: "价格" },
    description: { en: "SORA, LUMA and POP prices", zh: "SORA、LUMA 与 POP 价格" },
    args: [],
    ...read,
  },
  {
    name: "position",
    localizedName: { zh: "仓位" },
    description: { en: "A wallet's positions (yours by default)", zh: "钱包仓位（默认为你绑定的钱包）" },
    args: [addressArg],
    ...wallet,
  },
  {
    name: "stake",
    localizedName: { zh: "质押" },
    description: { en: "Stake POP (option) or LUMA (rebase)", zh: "质押 POP（期权）或 LUMA（单币）" },
    args: [
      {
        ...amountArg("LUMA"),
        symbolFrom: "asset",
        noun: { en: "amount to stake", zh: "质押数量" },
        description: { en: 'How much to stake (or "max")', zh: "质押数量（或 max 表示全部）" },
      },
      assetArg,
    ],
    ...wallet,
  },
  {
    name: "unstake",
    localizedName: { zh: "赎回" },
    description: { en: "Unstake sLUMA (2% claim fee)", zh: "赎回 sLUMA（2% 领取费）" },
    args: [amountArg("sLUMA")],
    ...wallet,
  },
  {
    name: "claim",
    localizedName: { zh: "领取" },
    description: { en: "Claim released LUMA, free", zh: "免费领取已释放的 LUMA" },
    args: [positionArg],
    ...wallet,
  },
  {
    name: "release",
    localizedName: { zh: "提前释放" },
    description: { en: "Release locked LUMA early, for a fee", zh: "支付手续费提前释放锁定的 LUMA" },
    args: [positionArg],
    ...wallet,
  },
  {
    name: "buy_sora",
    localizedName: { zh: "购买sora" },
    description: {
      en: "Buy SORA with your quota (LUMA to spend)",
      zh: "凭额度购买 SORA（支付的 LUMA 数量）",
    },
    args: [amountArg("LUMA")],
    ...wallet,
  },
  {
    name: "sell_sora",
    localizedName: { zh: "卖出sora" },
    description: { en: "Sell SORA (it is burned)", zh: "卖出 SORA（卖出即销毁）" },
    args: [amountArg("SORA")],
    ...wallet,
  },
  {
    name: "link",
    localizedName: { zh: "绑定钱包" },
    description: { en: "Link your wallet with one signature", zh: "签名一次即可绑定钱包" },
    args: [],
    ...wallet,
  },
  {
    name: "unlink",
    localizedName: { zh: "解绑钱包" },
    description: { en: "Unlink a wallet", zh: "解除钱包绑定" },
    args: [addressArg],
    ...wallet,
  },
  {
    name: "lang",
    description: { en: "Answer in English or Chinese", zh: "切换中文或英文回复" },
    args: [languageArg],
    ...read,
    group: "settings",
    platforms: TELEGRAM,
  },
  {
    name: "alerts",
    description: { en: "Burn alerts of this chat (admins)", zh: "本群销毁提醒设置（管理员）" },
    args: [
      wordsArg(
        "settings",
        { en: "setting", zh: "设置" },
        { en: "on, off, min, digest, instant or quiet", zh: "on、off、min、digest、instant 或 quiet" },
      ),
    ],
    group: "settings",
    scope: "any",
    adminOnly: true,
    platforms: TELEGRAM,
    inMenu: true,
  },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof commandDefinitions)[number]["name"];

/** The definition of a command by name (case-insensitive; Discord's "buy-sora" is "buy_sora"), or undefined. */
export function findCommand(name: string): (typeof commandDefinitions)[number] | undefined {
  const wanted = name.toLowerCase().replaceAll("-", "_");
  return commandDefinitions.find((definition) => definition.name === wanted);
}
