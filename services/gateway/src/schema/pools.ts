import { formatAmount, type TokenSymbol, tokenDecimals } from "@luma-pulse/protocol";
import { constantProductPoolAbi } from "@luma-pulse/protocol/abis";
import type { Address } from "viem";
import { builder } from "../builder.ts";
import type { BlockRef } from "../chain/readLatestBlock.ts";
import { BlockRefType } from "./protocol.ts";
import { TokenAmountType, tokenAmount } from "./tokenAmount.ts";

type Pool = {
  name: string;
  address: Address;
  symbols: readonly [TokenSymbol, TokenSymbol];
  reserves: readonly [bigint, bigint];
};

/** The protocol's pools, token0 first, as deployed (PROTOCOL.md, "Pools"). */
const POOLS = [
  { key: "popLumaPool", symbols: ["POP", "LUMA"] },
  { key: "soraLumaPool", symbols: ["SORA", "LUMA"] },
  { key: "lumaUsdtPool", symbols: ["LUMA", "USDT"] },
] as const;

/** token1 per whole token0 from reserves, exact, as a decimal string. */
function priceOf(pool: Pool): string {
  const [d0, d1] = pool.symbols.map((symbol) => BigInt(tokenDecimals[symbol]));
  const [r0, r1] = pool.reserves;
  if (r0 === 0n || d0 === undefined || d1 === undefined) return "0";
  const SCALE = 18n;
  const scaled = (r1 * 10n ** (d0 + SCALE)) / (r0 * 10n ** d1);
  return formatAmount(scaled, Number(SCALE), { maxFractionDigits: 10, grouping: false });
}

const PoolType = builder.objectRef<Pool>("Pool").implement({
  description: "A constant-product pool (0.3% fee): reserves and the spot price they give.",
  fields: (t) => ({
    name: t.exposeString("name", { description: 'Token symbols in reserve order, e.g. "SORA/LUMA".' }),
    address: t.expose("address", { type: "Address" }),
    reserve0: t.field({ type: TokenAmountType, resolve: (p) => tokenAmount(p.reserves[0], p.symbols[0]) }),
    reserve1: t.field({ type: TokenAmountType, resolve: (p) => tokenAmount(p.reserves[1], p.symbols[1]) }),
    price: t.string({
      description: "Spot price: token1 per whole token0 (e.g. LUMA per SORA), decimal.",
      resolve: priceOf,
    }),
  }),
});

const PoolsType = builder.objectRef<{ block: BlockRef; pools: Pool[] }>("Pools").implement({
  fields: (t) => ({
    block: t.expose("block", { type: BlockRefType }),
    pools: t.expose("pools", { type: [PoolType] }),
  }),
});

builder.queryField("pools", (t) =>
  t.field({
    type: PoolsType,
    description: "The POP/LUMA, SORA/LUMA and LUMA/USDT pools: reserves and prices, in one multicall.",
    resolve: async (_, __, ctx) => {
      // Read once per block for every request at it (chain/createChainHead.ts).
      const snapshot = await ctx.chainHead.current();
      const { block } = snapshot;
      const { contracts } = ctx.manifest;
      const reserves = await snapshot.chain("poolReserves", (at) =>
        ctx.client.multicall({
          allowFailure: false,
          blockNumber: at.number,
          multicallAddress: contracts.multicall3,
          contracts: POOLS.map(
            (pool) =>
              ({
                address: contracts[pool.key],
                abi: constantProductPoolAbi,
                functionName: "getReserves",
              }) as const,
          ),
        }),
      );
      return {
        block,
        pools: POOLS.map((pool, i) => ({
          name: pool.symbols.join("/"),
          address: contracts[pool.key],
          symbols: pool.symbols,
          reserves: reserves[i] ?? [0n, 0n],
        })),
      };
    },
  }),
);
