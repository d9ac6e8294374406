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

export const SORA_STATS_DOCUMENT = `query ChatSora {
  sora {
    block { ${BLOCK} }
    maxSupply { ${TOKEN_AMOUNT} } burned { ${TOKEN_AMOUNT} } burnedPercent circulating { ${TOKEN_AMOUNT} }
    burned24h { ${TOKEN_AMOUNT} } burned7d { ${TOKEN_AMOUNT} }
    price { usd luma launchUsd multipleSinceLaunch }
    milestones { percent reachedAt txHash blockNumber }
  }
}`;

export const soraPrice = z.object({
  usd: decimalString,
  luma: decimalString,
  launchUsd: decimalString.nullable(),
  multipleSinceLaunch: decimalString.nullable(),
});
export type SoraPrice = z.output<typeof soraPrice>;

export const burnMilestone = z.object({
  percent: z.number().int(),
  reachedAt: dateTimeString,
  txHash: z.string(),
  blockNumber: bigIntString,
});
export type BurnMilestone = z.output<typeof burnMilestone>;

const soraStatsData = z.object({
  sora: z.object({
    block,
    maxSupply: tokenAmount,
    burned: tokenAmount,
    burnedPercent: decimalString,
    circulating: tokenAmount,
    burned24h: tokenAmount,
    burned7d: tokenAmount,
    price: soraPrice,
    milestones: z.array(burnMilestone),
  }),
});

export type SoraStats = z.output<typeof soraStatsData>["sora"];

/** SORA supply, burned share, burn rates, price and its multiple since launch, milestones reached. */
export async function getSoraStats(
  client: GatewayClient,
  options: { locale: Locale; signal?: AbortSignal },
): Promise<SoraStats> {
  const data = await client.request({ document: SORA_STATS_DOCUMENT, data: soraStatsData, ...options });
  return data.sora;
}
