import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import {
  BLOCK,
  bigIntString,
  block,
  dateTimeString,
  decimalString,
  YIELD_FIGURE,
  yieldFigure,
} from "../scalars.ts";

export const YIELDS_DOCUMENT = `query ChatYields($holdingDays: Int!) {
  yields {
    block { ${BLOCK} }
    rebase {
      apr { ${YIELD_FIGURE} } apy { ${YIELD_FIGURE} }
      realised7d { ${YIELD_FIGURE} } realised30d { ${YIELD_FIGURE} }
      netApy(holdingDays: $holdingDays) { ${YIELD_FIGURE} }
      lumaInflation { ${YIELD_FIGURE} } realApy { ${YIELD_FIGURE} }
      claimFeeBps epochLengthSeconds nextRebaseAt
    }
    option {
      dailyRatePercent capMultiple daysToCap releasePeriodDays
      earlyFeeCurve { daysRemaining feePercent }
      aprIfReleasedLinearly { ${YIELD_FIGURE} } aprIfReleasedImmediately { ${YIELD_FIGURE} }
    }
  }
}`;

const yieldsData = z.object({
  yields: z.object({
    block,
    rebase: z.object({
      apr: yieldFigure,
      apy: yieldFigure,
      realised7d: yieldFigure.nullable(),
      realised30d: yieldFigure.nullable(),
      netApy: yieldFigure,
      lumaInflation: yieldFigure.nullable(),
      realApy: yieldFigure.nullable(),
      claimFeeBps: bigIntString,
      epochLengthSeconds: bigIntString,
      nextRebaseAt: dateTimeString,
    }),
    option: z.object({
      dailyRatePercent: decimalString,
      capMultiple: decimalString,
      daysToCap: z.number().int(),
      releasePeriodDays: z.number().int(),
      earlyFeeCurve: z.array(z.object({ daysRemaining: z.number().int(), feePercent: decimalString })),
      aprIfReleasedLinearly: yieldFigure,
      aprIfReleasedImmediately: yieldFigure,
    }),
  }),
});

export type Yields = z.output<typeof yieldsData>["yields"];

/** Rebase and option staking yields, each with its basis; `netApy` for a hold of `holdingDays` (default 30). */
export async function getYields(
  client: GatewayClient,
  options: { locale: Locale; holdingDays?: number; signal?: AbortSignal },
): Promise<Yields> {
  const data = await client.request({
    document: YIELDS_DOCUMENT,
    variables: { holdingDays: options.holdingDays ?? 30 },
    data: yieldsData,
    locale: options.locale,
    signal: options.signal,
  });
  return data.yields;
}
