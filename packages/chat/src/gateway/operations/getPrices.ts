import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { BLOCK, block, decimalString } from "../scalars.ts";
import { soraPrice } from "./getSoraStats.ts";

export const PRICES_DOCUMENT = `query ChatPrices {
  pools { block { ${BLOCK} } pools { name price } }
  sora { price { usd luma launchUsd multipleSinceLaunch } }
}`;

const pricesData = z.object({
  pools: z.object({ block, pools: z.array(z.object({ name: z.string(), price: decimalString })) }),
  sora: z.object({ price: soraPrice }),
});

/** Spot prices from the pools' reserves: token1 per whole token0, decimal strings. */
export type Prices = {
  block: z.output<typeof block>;
  sora: z.output<typeof soraPrice>;
  /** LUMA per POP (POP/LUMA pool). */
  popInLuma?: string;
  /** USDT per LUMA (LUMA/USDT pool): LUMA's USD price. */
  lumaInUsd?: string;
};

/** SORA's price (USD, LUMA, multiple since launch) and the POP/LUMA and LUMA/USDT pool prices. */
export async function getPrices(
  client: GatewayClient,
  options: { locale: Locale; signal?: AbortSignal },
): Promise<Prices> {
  const data = await client.request({ document: PRICES_DOCUMENT, data: pricesData, ...options });
  const priceOf = (name: string) => data.pools.pools.find((pool) => pool.name === name)?.price;
  return {
    block: data.pools.block,
    sora: data.sora.price,
    popInLuma: priceOf("POP/LUMA"),
    lumaInUsd: priceOf("LUMA/USDT"),
  };
}
