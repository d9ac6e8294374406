import { formatAmount, type TokenSymbol, tokenDecimals } from "@luma-pulse/protocol";
import { builder } from "../builder.ts";

/** A token amount in base units, with the symbol that gives it decimals. */
export type TokenAmount = { raw: bigint; symbol: TokenSymbol };

export const tokenAmount = (raw: bigint, symbol: TokenSymbol): TokenAmount => ({ raw, symbol });

/** Token amounts as the API returns them: exact base units, decimals, and a readable value. */
export const TokenAmountType = builder.objectRef<TokenAmount>("TokenAmount").implement({
  description: "An exact token amount: `raw` base units (decimal string), its `decimals`, and `formatted`.",
  fields: (t) => ({
    raw: t.expose("raw", { type: "BigInt", description: "Base units, exact." }),
    decimals: t.int({ resolve: (a) => tokenDecimals[a.symbol] }),
    symbol: t.exposeString("symbol"),
    formatted: t.string({
      description: "The amount in whole tokens, grouped, up to 6 fraction digits (e.g. 161,076,068.906).",
      resolve: (a) => formatAmount(a.raw, tokenDecimals[a.symbol], { maxFractionDigits: 6 }),
    }),
  }),
});
