import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import {
  BLOCK,
  bigIntString,
  block,
  dateTimeString,
  decimalString,
  TOKEN_AMOUNT,
  tokenAmount,
} from "../scalars.ts";

export const LATEST_BURNS_DOCUMENT = `query ChatBurns($first: Int!, $minAmount: BigInt) {
  sora {
    block { ${BLOCK} }
    burnedPercent burned { ${TOKEN_AMOUNT} } maxSupply { ${TOKEN_AMOUNT} }
    burns(first: $first, minAmount: $minAmount) {
      totalCount
      edges { node { amount { ${TOKEN_AMOUNT} } reason totalBurned { ${TOKEN_AMOUNT} } from time txHash blockNumber logIndex } }
    }
  }
}`;

export const burnReason = z.enum(["SELL", "BUYBACK"]);
export type BurnReason = z.output<typeof burnReason>;

const burn = z.object({
  amount: tokenAmount,
  reason: burnReason,
  totalBurned: tokenAmount,
  from: z.string(),
  time: dateTimeString,
  txHash: z.string(),
  blockNumber: bigIntString,
  logIndex: z.number().int(),
});
export type SoraBurn = z.output<typeof burn>;

const latestBurnsData = z.object({
  sora: z.object({
    block,
    burnedPercent: decimalString,
    burned: tokenAmount,
    maxSupply: tokenAmount,
    burns: z.object({ totalCount: z.number().int(), edges: z.array(z.object({ node: burn })) }),
  }),
});

export type LatestBurns = {
  block: z.output<typeof block>;
  burnedPercent: string;
  burned: z.output<typeof tokenAmount>;
  maxSupply: z.output<typeof tokenAmount>;
  /** Newest first. */
  burns: SoraBurn[];
  /** Burns matching the filter on every page. */
  totalCount: number;
};

/** The latest `first` burns (1–100), newest first, optionally from `minAmount` base units. */
export async function getLatestBurns(
  client: GatewayClient,
  options: { locale: Locale; first: number; minAmount?: bigint; signal?: AbortSignal },
): Promise<LatestBurns> {
  const { sora } = await client.request({
    document: LATEST_BURNS_DOCUMENT,
    variables: { first: options.first, minAmount: options.minAmount?.toString() ?? null },
    data: latestBurnsData,
    locale: options.locale,
    signal: options.signal,
  });
  return {
    block: sora.block,
    burnedPercent: sora.burnedPercent,
    burned: sora.burned,
    maxSupply: sora.maxSupply,
    burns: sora.burns.edges.map((edge) => edge.node),
    totalCount: sora.burns.totalCount,
  };
}
