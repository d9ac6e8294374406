import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { BLOCK, bigIntString, block, dateTimeString, decimalString } from "../scalars.ts";

export const REBASE_HISTORY_DOCUMENT = `query ChatRebaseHistory($interval: RebaseInterval!, $from: DateTime, $to: DateTime) {
  rebaseHistory(interval: $interval, from: $from, to: $to) {
    block { ${BLOCK} }
    points { time epoch blockNumber index realisedApyPercent since }
  }
}`;

export type RebaseInterval = "HOUR" | "DAY" | "WEEK";

const point = z.object({
  time: dateTimeString,
  epoch: bigIntString,
  blockNumber: bigIntString,
  /** 18-decimal fixed point (1e18 = 1.0): the shape `renderRebaseChart` takes. */
  index: bigIntString,
  realisedApyPercent: decimalString.nullable(),
  since: dateTimeString.nullable(),
});
export type RebaseHistoryPoint = z.output<typeof point>;

const rebaseHistoryData = z.object({
  rebaseHistory: z.object({ block, points: z.array(point) }),
});

export type RebaseHistory = z.output<typeof rebaseHistoryData>["rebaseHistory"];

/**
 * The rebase index at the last rebase of each bucket, oldest first, with the APY realised between
 * points: what the /yields chart draws. Without `from`/`to`: the last 48 hours, 30 days or 52 weeks.
 */
export async function getRebaseHistory(
  client: GatewayClient,
  options: { locale: Locale; interval: RebaseInterval; from?: Date; to?: Date; signal?: AbortSignal },
): Promise<RebaseHistory> {
  const { rebaseHistory } = await client.request({
    document: REBASE_HISTORY_DOCUMENT,
    variables: {
      interval: options.interval,
      from: options.from?.toISOString() ?? null,
      to: options.to?.toISOString() ?? null,
    },
    data: rebaseHistoryData,
    locale: options.locale,
    signal: options.signal,
  });
  return rebaseHistory;
}
