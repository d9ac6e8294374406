import { z } from "zod";
import type { GatewayClient } from "../gateway/createGatewayClient.ts";

const LATEST_BURN_ID_DOCUMENT = "query ChatLatestBurnId { sora { burns(first: 1) { edges { cursor } } } }";

const latestBurnIdData = z.object({
  sora: z.object({ burns: z.object({ edges: z.array(z.object({ cursor: z.string() })) }) }),
});

/**
 * The id of the newest indexed burn, to resume `soraBurned` after it: a burn's cursor in the
 * `burns` connection is the same text as its `soraBurned` event id. Undefined before the first burn.
 */
export async function getLatestBurnId(
  client: GatewayClient,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const { sora } = await client.request({
    document: LATEST_BURN_ID_DOCUMENT,
    data: latestBurnIdData,
    locale: "en",
    signal,
  });
  return sora.burns.edges[0]?.cursor;
}
