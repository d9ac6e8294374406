import type { ArgSpec } from "./CommandDefinition.ts";

/** Arguments several commands share, so their wording is the same everywhere. */
export const amountArg = (symbol: "POP" | "LUMA" | "sLUMA" | "SORA", allowMax = true) =>
  ({
    kind: "amount",
    name: "amount",
    label: { en: "amount", zh: "数量" },
    noun: { en: `amount of ${symbol}`, zh: `${symbol} 数量` },
    description: { en: `How much ${symbol} (or "max")`, zh: `${symbol} 数量（或 max 表示全部）` },
    symbol,
    allowMax,
  }) as const satisfies ArgSpec;

export const positionArg = {
  kind: "position",
  name: "position",
  label: { en: "position", zh: "仓位" },
  noun: { en: "position number", zh: "仓位编号" },
  description: { en: "Option position number (see /position)", zh: "期权仓位编号（见 /position）" },
  optional: true,
} as const satisfies ArgSpec;

export const addressArg = {
  kind: "address",
  name: "address",
  label: { en: "address", zh: "地址" },
  noun: { en: "wallet address", zh: "钱包地址" },
  description: { en: "Wallet address, 0x…", zh: "钱包地址 0x…" },
  optional: true,
} as const satisfies ArgSpec;

export const assetArg = {
  kind: "choice",
  name: "asset",
  label: { en: "pop|luma", zh: "pop|luma" },
  noun: { en: "token to stake (pop or luma)", zh: "要质押的代币（pop 或 luma）" },
  description: {
    en: "What to stake: POP (option) or LUMA (rebase)",
    zh: "质押什么：POP（期权质押）或 LUMA（单币质押）",
  },
  choices: ["pop", "luma"],
} as const satisfies ArgSpec;

export const languageArg = {
  kind: "choice",
  name: "language",
  label: { en: "en|zh", zh: "en|zh" },
  noun: { en: "language (en or zh)", zh: "语言（en 或 zh）" },
  description: { en: "en (English) or zh (中文)", zh: "en（English）或 zh（中文）" },
  choices: ["en", "zh"],
  optional: true,
} as const satisfies ArgSpec;

export const wordsArg = <N extends string>(
  name: N,
  label: { en: string; zh: string },
  description: { en: string; zh: string },
) =>
  ({
    kind: "words",
    name,
    label,
    noun: label,
    description,
    optional: true,
  }) as const satisfies ArgSpec;
