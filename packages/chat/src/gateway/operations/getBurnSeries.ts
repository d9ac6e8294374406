import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { BLOCK, block, dateTimeString, TOKEN_AMOUNT, tokenAmount } from "../scalars.ts";
import { burnMilestone } from "./getSoraStats.ts";

export const BURN_SERIES_DOCUMENT = `query ChatBurnSeries($interval: BurnInterval!, $from: DateTime, $to: DateTime) {
  sora {
    block { ${BLOCK} }
    maxSupply { ${TOKEN_AMOUNT} }
    burnSeries(interval: $interval, from: $from, to: $to) {
      start end burns burned { ${TOKEN_AMOUNT} } totalBurned { ${TOKEN_AMOUNT} }
    }
    milestones { percent reachedAt txHash blockNumber }
  }
}`;

export type BurnInterval = "HOUR" | "DAY" | "WEEK";

const bucket = z.object({
  start: dateTimeString,
  end: dateTimeString,
  burns: z.number().int(),
  burned: tokenAmount,
  totalBurned: tokenAmount,
});
export type BurnBucket = z.output<typeof bucket>;

const burnSeriesData = z.object({
  sora: z.object({
    block,
    maxSupply: tokenAmount,
    burnSeries: z.array(bucket),
    milestones: z.array(burnMilestone),
  }),
});

export type BurnSeries = z.output<typeof burnSeriesData>["sora"];

/**
 * SORA burned per bucket (empty buckets included) with the running total, and the milestones: what
 * the burn chart draws. Without `from`/`to`: the last 48 hours, 30 days or 52 weeks.
 */
export async function getBurnSeries(
  client: GatewayClient,
  options: { locale: Locale; interval: BurnInterval; from?: Date; to?: Date; signal?: AbortSignal },
): Promise<BurnSeries> {
  const { sora } = await client.request({
    document: BURN_SERIES_DOCUMENT,
    variables: {
      interval: options.interval,
      from: options.from?.toISOString() ?? null,
      to: options.to?.toISOString() ?? null,
    },
    data: burnSeriesData,
    locale: options.locale,
    signal: options.signal,
  });
  return sora;
}
